import { describe, expect, it } from 'vitest';

import { healthChecks } from './health-checks';

const mhc = {
  metadata: { name: 'dev-workers', labels: { 'stratus.dev/node-group': 'workers' } },
  spec: {
    selector: { matchLabels: { 'cluster.x-k8s.io/deployment-name': 'dev-workers' } },
    remediation: { triggerIf: { unhealthyLessThanOrEqualTo: '40%' } },
  },
  status: {
    expectedMachines: 3,
    currentHealthy: 2,
    remediationsAllowed: 1,
    targets: ['dev-workers-a', 'dev-workers-b', 'dev-workers-c'],
  },
};
const machine = (name: string, deployment: string, healthy?: boolean) => ({
  metadata: { name, labels: { 'cluster.x-k8s.io/deployment-name': deployment } },
  status: {
    conditions:
      healthy === undefined
        ? []
        : [
            {
              type: 'HealthCheckSucceeded',
              status: healthy ? ('True' as const) : ('False' as const),
              message: healthy ? undefined : 'Node failed Ready=False for 300s',
            },
          ],
  },
});

describe('healthChecks', () => {
  it('counts machines and lists those found unhealthy, of its own group only', () => {
    const [s] = healthChecks(
      [mhc],
      [
        machine('dev-workers-a', 'dev-workers', true),
        machine('dev-workers-b', 'dev-workers', false),
        machine('dev-gpu-a', 'dev-gpu', false),
      ],
    );
    expect(s).toEqual({
      name: 'dev-workers',
      group: 'workers',
      expected: 3,
      healthy: 2,
      remediationsAllowed: 1,
      maxUnhealthy: '40%',
      remediating: [{ machine: 'dev-workers-b', reason: 'Node failed Ready=False for 300s' }],
    });
  });
});
