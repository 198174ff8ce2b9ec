import { describe, expect, it } from 'vitest';

import { answer } from './server.ts';
import {
  autoplace,
  Clocks,
  diskStateOf,
  placementCount,
  resourcesView,
  storagePoolsView,
  type Inputs,
} from './state.ts';

const sat = (name: string, pools = ['data']) => ({
  name,
  pools,
  totalKiB: 1_000_000,
  baseUsedKiB: 100_000,
});
const inputs = (over: Partial<Inputs> = {}): Inputs => ({
  nodes: ['n1', 'n2', 'n3'].map((name) => ({ name, ready: true, satelliteStopped: false })),
  satellites: [sat('n1'), sat('n2'), sat('n3')],
  volumes: [
    {
      name: 'pvc-1',
      sizeKiB: 10_485_760,
      createdAt: '2026-01-01T00:00:00Z',
      parameters: {
        'linstor.csi.linbit.com/storagePool': 'data',
        'linstor.csi.linbit.com/placementCount': '2',
      },
      usedOn: [],
    },
  ],
  ...over,
});
const clocksOf = (i: Inputs, now = 1) => {
  const c = new Clocks();
  c.update(i.nodes, now);
  return c;
};
const diskful = (i: Inputs, c: Clocks, now = 10) =>
  resourcesView(i, c, { now, resyncMs: 1000 }).filter((r) => r.flags.length === 0);

describe('class parameters', () => {
  it('reads placementCount, its autoPlace alias, any case, prefixed or not; default 1', () => {
    expect(placementCount({ 'linstor.csi.linbit.com/placementCount': '3' })).toBe(3);
    expect(placementCount({ autoplace: '2' })).toBe(2);
    expect(placementCount({ 'linstor.csi.linbit.com/AutoPlace': '2' })).toBe(2);
    expect(placementCount({})).toBe(1);
    expect(placementCount({ placementCount: 'x' })).toBe(1);
  });
});

describe('placement', () => {
  it('places count replicas on distinct nodes offering the pool, stably', () => {
    const i = inputs();
    const a = autoplace('pvc-1', 'data', 2, i.satellites, () => true);
    expect(new Set(a).size).toBe(2);
    expect(autoplace('pvc-1', 'data', 2, i.satellites, () => true)).toEqual(a);
    expect(autoplace('pvc-1', 'other', 2, [sat('n1'), sat('n2', ['other'])], () => true)).toEqual([
      'n2',
    ]);
  });

  it('gives two replicas a diskless tie-breaker on a third node', () => {
    const i = inputs();
    const res = resourcesView(i, clocksOf(i), { now: 10, resyncMs: 1000 });
    expect(res).toHaveLength(3);
    const tie = res.find((r) => r.flags.includes('TIE_BREAKER'));
    expect(tie?.volumes[0]?.state.disk_state).toBe('Diskless');
    expect(tie?.volumes[0]?.storage_pool_name).toBe('DfltDisklessStorPool');
    expect(diskful(i, clocksOf(i)).map((r) => r.volumes[0]?.state.disk_state)).toEqual([
      'UpToDate',
      'UpToDate',
    ]);
  });

  it('marks the node a VMI runs on in use, diskless when it holds no replica', () => {
    const i = inputs();
    const [first] = diskful(i, clocksOf(i));
    const vol = i.volumes[0];
    if (!first || !vol) throw new Error('no replica');
    vol.usedOn = [first.node_name];
    const res = resourcesView(i, clocksOf(i), { now: 10, resyncMs: 1000 });
    expect(res.find((r) => r.node_name === first.node_name)?.state.in_use).toBe(true);
    const other = ['n1', 'n2', 'n3'].find(
      (n) => !res.some((r) => r.node_name === n && !r.flags.length),
    );
    vol.usedOn = [other ?? ''];
    const remote = resourcesView(i, clocksOf(i), { now: 10, resyncMs: 1000 }).find(
      (r) => r.node_name === other,
    );
    expect(remote?.flags).toEqual(['DRBD_DISKLESS']);
    expect(remote?.state.in_use).toBe(true);
  });
});

describe('satellite outage and return', () => {
  it('turns the offline node Outdated, drops its connections, then resyncs and recovers', () => {
    const i = inputs();
    const c = clocksOf(i);
    const [a, b] = diskful(i, c).map((r) => r.node_name);
    const down = i.nodes.map((n) => (n.name === a ? { ...n, satelliteStopped: true } : n));
    c.update(down, 100);
    let res = diskful(i, c, 200);
    const ra = res.find((r) => r.node_name === a);
    const rb = res.find((r) => r.node_name === b);
    expect(ra?.volumes[0]?.state.disk_state).toBe('Outdated');
    expect(ra?.state.in_use).toBeUndefined();
    expect(rb?.volumes[0]?.state.disk_state).toBe('UpToDate');
    expect(rb?.layer_object.drbd.connections[a ?? '']).toEqual({
      connected: false,
      message: 'Connecting',
    });

    c.update(i.nodes, 1000);
    res = diskful(i, c, 1250);
    const syncing = res.find((r) => r.node_name === a)?.volumes[0]?.state;
    expect(syncing?.disk_state).toBe('Inconsistent');
    expect(syncing?.replication_states?.[b ?? '']).toEqual({
      replication_state: 'SyncTarget',
      done_percentage: 25,
    });
    expect(
      res.find((r) => r.node_name === b)?.volumes[0]?.state.replication_states?.[a ?? ''],
    ).toEqual({ replication_state: 'SyncSource', done_percentage: 25 });
    expect(diskful(i, c, 2001).map((r) => r.volumes[0]?.state.disk_state)).toEqual([
      'UpToDate',
      'UpToDate',
    ]);
  });

  it('a NotReady node is offline too; nodes seen at start have nothing to resync', () => {
    expect(diskStateOf({ online: false, since: 5 }, 10, 100).disk).toBe('Outdated');
    expect(diskStateOf({ online: true, since: 0 }, 10, 100).disk).toBe('UpToDate');
    expect(diskStateOf({ online: true, since: 5 }, 55, 100)).toEqual({
      disk: 'Inconsistent',
      syncPercent: 50,
    });
  });
});

describe('storage pools', () => {
  it('reports KiB capacities net of placed volumes; none for an offline satellite', () => {
    const i = inputs();
    const c = clocksOf(i);
    const holders = diskful(i, c).map((r) => r.node_name);
    const pools = storagePoolsView(i, c).filter((p) => p.storage_pool_name === 'data');
    for (const p of pools) {
      expect(p.total_capacity).toBe(1_000_000);
      expect(p.free_capacity).toBe(holders.includes(p.node_name) ? 0 : 900_000);
    }
    c.update(
      i.nodes.map((n) => (n.name === 'n1' ? { ...n, ready: false } : n)),
      5,
    );
    const n1 = storagePoolsView(i, c).find(
      (p) => p.node_name === 'n1' && p.storage_pool_name === 'data',
    );
    expect(n1?.free_capacity).toBeUndefined();
    expect(n1?.reports[0]?.message).toMatch(/No active connection/);
  });
});

describe('REST answers', () => {
  const i = inputs();
  const src = { inputs: () => i, clocks: clocksOf(i), resyncMs: 1000 };
  const get = (path: string, auth = 'Bearer s3cret') =>
    answer('GET', new URL(path, 'https://x'), auth, 's3cret', src, 10);

  it('refuses a missing or wrong bearer token with an ApiCallRc list, but serves the version', () => {
    expect(get('/v1/nodes', '').code).toBe(401);
    expect(get('/v1/nodes', 'Bearer nope').code).toBe(401);
    expect(get('/v1/nodes', 'Bearer nope').body).toMatchObject([
      { message: 'Authentication required' },
    ]);
    expect(get('/v1/controller/version', '').code).toBe(200);
  });

  it('filters resources by name and node, nodes by name; unknown names are 404', () => {
    const res = get('/v1/view/resources?resources=PVC-1&nodes=n1,n2,n3').body as unknown[];
    expect(res).toHaveLength(3);
    expect(get('/v1/view/resources?resources=pvc-2').body).toEqual([]);
    expect(get('/v1/nodes?nodes=n2').body).toMatchObject([
      { name: 'n2', connection_status: 'ONLINE' },
    ]);
    expect(get('/v1/nodes/n9').code).toBe(404);
    expect(get('/v1/resource-definitions/pvc-9/resources').code).toBe(404);
    expect(get('/v1/view/storage-pools?storage_pools=data&limit=2').body).toHaveLength(2);
  });
});
