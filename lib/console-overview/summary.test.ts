import { describe, expect, it } from 'vitest';

import { failingReleases, nearlyFullPools, nodeCounts, remediationsInFlight } from './summary';

describe('operator overview', () => {
  it('counts ready and not-ready nodes', () => {
    const n = (s: 'True' | 'False') => ({ status: { conditions: [{ type: 'Ready', status: s }] } });
    expect(nodeCounts([n('True'), n('False'), n('True')])).toEqual({ ready: 2, notReady: 1 });
  });

  it('counts remediations not yet succeeded nor being deleted', () => {
    expect(
      remediationsInFlight([
        { status: { conditions: [{ type: 'Succeeded', status: 'True' }] } },
        { status: { conditions: [{ type: 'Processing', status: 'True' }] } },
        { metadata: { deletionTimestamp: 'x' } },
        {},
      ]),
    ).toBe(2);
  });

  it('counts failing releases', () => {
    expect(
      failingReleases([
        { status: { conditions: [{ type: 'Ready', status: 'False', reason: 'UpgradeFailed' }] } },
        { status: { conditions: [{ type: 'Ready', status: 'True' }] } },
      ]),
    ).toBe(1);
  });

  it('finds pools nearly full from IPAddressPool.status', () => {
    const pool = (name: string, assigned: number, available: number) => ({
      metadata: { name },
      status: { assignedIPv4: assigned, availableIPv4: available },
    });
    expect(
      nearlyFullPools([pool('a', 9, 1), pool('b', 1, 9), pool('c', 0, 0)]).map((p) => p.name),
    ).toEqual(['a']);
  });
});
