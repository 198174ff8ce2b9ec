import { describe, expect, it } from 'vitest';

import type { MachineObj } from '../kinds.ts';
import { mhcStatus, REMEDIATE_ANNOTATION, toRemediate, type MhcObj } from './healthcheck.ts';

const now = '2026-01-01T00:00:00Z';
const mhc: MhcObj = {
  metadata: { name: 'k1-md', namespace: 't', generation: 1 },
  spec: {
    clusterName: 'k1',
    selector: { matchLabels: { 'cluster.x-k8s.io/deployment-name': 'k1-md' } },
    remediation: { triggerIf: { unhealthyLessThanOrEqualTo: '40%' } },
  },
};
const machine = (name: string, marked = false): MachineObj => ({
  metadata: {
    name,
    namespace: 't',
    uid: name,
    labels: { 'cluster.x-k8s.io/deployment-name': 'k1-md' },
    ...(marked ? { annotations: { [REMEDIATE_ANNOTATION]: '' } } : {}),
  },
  spec: {
    clusterName: 'k1',
    bootstrap: { dataSecretName: name },
    infrastructureRef: {
      apiGroup: 'infrastructure.cluster.x-k8s.io',
      kind: 'KubevirtMachine',
      name,
    },
  },
  status: { phase: 'Running' },
});

describe('MachineHealthCheck', () => {
  it('counts its machines and remediates an annotated one while within maxUnhealthy', () => {
    const ms = [machine('a', true), machine('b'), machine('c')];
    expect(mhcStatus(mhc, ms, now)).toMatchObject({
      expectedMachines: 3,
      currentHealthy: 2,
      remediationsAllowed: 0,
      targets: ['a', 'b', 'c'],
    });
    expect(toRemediate(mhc, ms).map((m) => m.metadata.name)).toEqual(['a']);
  });

  it('short-circuits when too many are unhealthy, saying so', () => {
    const ms = [machine('a', true), machine('b', true), machine('c')];
    expect(toRemediate(mhc, ms)).toEqual([]);
    expect(mhcStatus(mhc, ms, now).conditions[0]).toMatchObject({
      type: 'RemediationAllowed',
      status: 'False',
      reason: 'TooManyUnhealthy',
    });
  });
});
