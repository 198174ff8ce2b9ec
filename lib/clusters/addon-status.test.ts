import { describe, expect, it } from 'vitest';

import { addonHealth } from './addon-status';

const catalog = [
  { id: 'cilium', required: true, role: 'cni', chart: 'cilium', version: '1.18.2', dependsOn: [] },
  {
    id: 'ingress',
    required: false,
    chart: 'ingress-nginx',
    version: '4.13.3',
    dependsOn: ['cilium'],
  },
];
const release = (id: string, status?: 'True' | 'False' | 'Unknown', message?: string) => ({
  metadata: { name: `dev-${id}`, labels: { 'stratus.dev/addon': id } },
  spec: {
    chart: { spec: { chart: id === 'cilium' ? 'cilium' : 'ingress-nginx', version: '1.0.0' } },
    ...(id === 'ingress' ? { dependsOn: [{ name: 'dev-cilium' }] } : {}),
  },
  status: { conditions: status ? [{ type: 'Ready', status, message }] : [] },
});

describe('addonHealth', () => {
  it('reads Ready, failed with the message, and progress', () => {
    expect(addonHealth('cilium', [release('cilium', 'True')], catalog)).toMatchObject({
      state: 'ready',
      chart: 'cilium@1.0.0',
    });
    expect(addonHealth('cilium', [release('cilium', 'False', 'no such chart')], catalog)).toEqual(
      expect.objectContaining({ state: 'failed', message: 'no such chart' }),
    );
    expect(addonHealth('cilium', [release('cilium')], catalog).state).toBe('progressing');
  });

  it('waits on dependencies that are not Ready, or gone', () => {
    const waiting = addonHealth(
      'ingress',
      [release('cilium', 'Unknown'), release('ingress', 'False', 'dependency not ready')],
      catalog,
    );
    expect(waiting).toMatchObject({ state: 'waiting', waitingOn: ['cilium'] });
    expect(addonHealth('ingress', [release('ingress', 'False', 'x')], catalog).waitingOn).toEqual([
      'dev-cilium',
    ]);
  });

  it('is absent without a release, with the catalog chart', () => {
    expect(addonHealth('ingress', [], catalog)).toEqual({
      state: 'absent',
      waitingOn: [],
      chart: 'ingress-nginx@4.13.3',
    });
  });
});
