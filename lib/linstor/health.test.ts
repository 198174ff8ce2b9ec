import { describe, expect, it } from 'vitest';

import { formatKiB, poolUsage, replicaHealth } from './health';
import type { LinstorResource } from './types';

const res = (node: string, disk: string, over: Partial<LinstorResource> = {}): LinstorResource => ({
  name: 'pvc-1',
  node_name: node,
  flags: [],
  state: { in_use: false },
  layer_object: { drbd: { connections: {} } },
  volumes: [{ storage_pool_name: 'data', provider_kind: 'LVM_THIN', state: { disk_state: disk } }],
  ...over,
});

describe('replicaHealth', () => {
  it('counts UpToDate diskful replicas against the placement count', () => {
    const tie = res('c', 'Diskless', { flags: ['DRBD_DISKLESS', 'TIE_BREAKER'] });
    const ok = replicaHealth('pvc-1', [res('a', 'UpToDate'), res('b', 'UpToDate'), tie], 2);
    expect(ok).toMatchObject({ upToDate: 2, diskful: 2, degraded: false, sameNode: false });
    expect(ok.replicas.map((r) => [r.node, r.diskful, r.tieBreaker])).toEqual([
      ['a', true, false],
      ['b', true, false],
      ['c', false, true],
    ]);
    const down = replicaHealth('pvc-1', [res('a', 'UpToDate'), res('b', 'Outdated'), tie], 2);
    expect(down.degraded).toBe(true);
    const one = replicaHealth('pvc-1', [res('a', 'UpToDate')], 2);
    expect(one).toMatchObject({ degraded: true, sameNode: true });
    expect(replicaHealth('pvc-1', [res('a', 'UpToDate')], 1).sameNode).toBe(false);
  });

  it('reads peers, resync progress and an unknown in-use state', () => {
    const syncing = res('b', 'Inconsistent', {
      state: {},
      layer_object: {
        drbd: {
          connections: {
            a: { connected: true, message: 'Connected' },
            c: { connected: false, message: 'Connecting' },
          },
        },
      },
      volumes: [
        {
          provider_kind: 'LVM_THIN',
          state: {
            disk_state: 'Inconsistent',
            replication_states: { a: { replication_state: 'SyncTarget', done_percentage: 42.5 } },
          },
        },
      ],
    });
    const h = replicaHealth('pvc-1', [syncing], 2);
    expect(h.syncing).toBe(true);
    expect(h.replicas[0]).toMatchObject({ syncPercent: 42.5, diskState: 'Inconsistent' });
    expect(h.replicas[0]?.inUse).toBeUndefined();
    expect(h.replicas[0]?.peers).toEqual([
      {
        node: 'a',
        connected: true,
        message: 'Connected',
        replication: 'SyncTarget',
        percent: 42.5,
      },
      { node: 'c', connected: false, message: 'Connecting' },
    ]);
  });

  it('ignores other resources in the view', () => {
    expect(replicaHealth('pvc-2', [res('a', 'UpToDate')], 1).replicas).toEqual([]);
  });
});

describe('pools', () => {
  it('drops the diskless pool and computes the used share; offline pools have none', () => {
    expect(
      poolUsage([
        { storage_pool_name: 'DfltDisklessStorPool', node_name: 'a', provider_kind: 'DISKLESS' },
        { storage_pool_name: 'data', node_name: 'b', provider_kind: 'LVM_THIN' },
        { storage_pool_name: 'data', node_name: 'a', total_capacity: 1000, free_capacity: 250 },
      ]),
    ).toEqual([
      { node: 'a', pool: 'data', totalKiB: 1000, freeKiB: 250, used: 0.75 },
      { node: 'b', pool: 'data', provider: 'LVM_THIN' },
    ]);
    expect(formatKiB(7_500_000_000)).toBe('7.0 TiB');
    expect(formatKiB(1024 * 1024 * 20)).toBe('20 GiB');
    expect(formatKiB(undefined)).toBe('—');
  });
});
