// The LINSTOR controller's view of the cluster, derived (pure) from Kubernetes objects: one resource
// definition per PV on linstor.csi.linbit.com, placed as its StorageClass says, on the nodes whose
// LinstorSatellite offers the pool. Written from LINSTOR's REST API documentation (field names and
// units: capacities in KiB, DRBD disk states as strings); no LINSTOR source was read.
//
// Satellite outages: a Node that is not Ready, or carries the dev-only annotation
// `linstor.stratus.dev/satellite: stopped`, is OFFLINE; its diskful replicas turn Outdated and its
// peers lose their DRBD connection to it. When it returns its replicas resync (Inconsistent,
// SyncTarget with done_percentage) for `resyncMs`, then are UpToDate again.

export const SATELLITE_ANNOTATION = 'linstor.stratus.dev/satellite';
export const DISKLESS_POOL = 'DfltDisklessStorPool';
const PREFIX = 'linstor.csi.linbit.com/';

/** What the stand-in reads from the cluster. */
export interface Inputs {
  /** Kubernetes Nodes: ready and whether the dev annotation stopped the satellite. */
  nodes: { name: string; ready: boolean; satelliteStopped: boolean }[];
  /** LinstorSatellites (named after their node) and the pools they configure. */
  satellites: { name: string; pools: string[]; totalKiB: number; baseUsedKiB: number }[];
  volumes: VolumeInput[];
}

export interface VolumeInput {
  /** The PV name, which is the LINSTOR resource-definition name (pvc-<uid>). */
  name: string;
  sizeKiB: number;
  createdAt: string;
  /** StorageClass parameters. */
  parameters: Record<string, string>;
  /** Nodes where a running VMI uses the volume (the DRBD Primary). */
  usedOn: string[];
}

/** A case-insensitive class parameter, prefixed or not, as linstor-csi reads them. */
export function param(params: Record<string, string>, key: string): string | undefined {
  const want = key.toLowerCase();
  for (const [k, v] of Object.entries(params)) {
    const bare = k.toLowerCase().startsWith(PREFIX) ? k.slice(PREFIX.length) : k;
    if (bare.toLowerCase() === want) return v;
  }
  return undefined;
}

/** placementCount (autoPlace is its alias), default 1. */
export function placementCount(params: Record<string, string>): number {
  const n = Number(param(params, 'placementCount') ?? param(params, 'autoPlace') ?? 1);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** FNV-1a: a stable spread of resources over nodes. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Autoplace: `count` nodes offering the pool, chosen among online ones first, stable for a name.
 * Returns fewer when the pool is on fewer nodes (LINSTOR would refuse; here the volume is degraded).
 */
export function autoplace(
  name: string,
  pool: string,
  count: number,
  satellites: Inputs['satellites'],
  online: (node: string) => boolean,
): string[] {
  return satellites
    .filter((s) => s.pools.includes(pool))
    .map((s) => s.name)
    .sort((a, b) => Number(online(b)) - Number(online(a)) || hash(name + a) - hash(name + b))
    .slice(0, count);
}

export interface NodeClock {
  online: boolean;
  /** ms since epoch of the last change (for resync). */
  since: number;
}

/** Tracks when each node went offline and came back; feed it the nodes on every change. */
export class Clocks {
  private readonly clocks = new Map<string, NodeClock>();
  /** Nodes seen at start are treated as online since long ago (nothing to resync). */
  update(nodes: Inputs['nodes'], now: number): void {
    for (const n of nodes) {
      const online = n.ready && !n.satelliteStopped;
      const c = this.clocks.get(n.name);
      if (!c) this.clocks.set(n.name, { online, since: online ? 0 : now });
      else if (c.online !== online) this.clocks.set(n.name, { online, since: now });
    }
  }
  get(node: string): NodeClock {
    return this.clocks.get(node) ?? { online: false, since: 0 };
  }

  /** Where a resource was placed: decided once, when first seen, like LINSTOR's autoplace. */
  private readonly placed = new Map<string, string[]>();
  placement(name: string, decide: () => string[]): string[] {
    const known = this.placed.get(name);
    if (known) return known;
    const nodes = decide();
    this.placed.set(name, nodes);
    return nodes;
  }
  /** Forgets resources that are gone (their PV was deleted). */
  keepOnly(names: Set<string>): void {
    for (const n of this.placed.keys()) if (!names.has(n)) this.placed.delete(n);
  }
}

// ---- The REST API's shapes (the fields the documentation lists; the dashboard reads these) ----

export interface ApiNode {
  name: string;
  type: 'SATELLITE' | 'COMBINED' | 'CONTROLLER';
  flags: string[];
  props: Record<string, string>;
  net_interfaces: {
    name: string;
    address: string;
    satellite_port: number;
    satellite_encryption_type: string;
    is_active: boolean;
  }[];
  connection_status: 'ONLINE' | 'OFFLINE' | 'CONNECTED';
  uuid: string;
  storage_providers: string[];
  resource_layers: string[];
}

export interface ApiStoragePool {
  storage_pool_name: string;
  node_name: string;
  provider_kind: 'DISKLESS' | 'LVM_THIN';
  props: Record<string, string>;
  static_traits: Record<string, string>;
  free_capacity?: number;
  total_capacity?: number;
  free_space_mgr_name: string;
  uuid: string;
  supports_snapshots: boolean;
  reports: { ret_code: number; message: string }[];
}

export interface ApiReplicationState {
  replication_state: string;
  done_percentage?: number;
}

export interface ApiVolume {
  volume_number: number;
  storage_pool_name: string;
  provider_kind: string;
  device_path: string;
  allocated_size_kib?: number;
  usable_size_kib: number;
  flags: string[];
  state: {
    disk_state?: string;
    replication_states?: Record<string, ApiReplicationState>;
  };
  uuid: string;
}

export interface ApiResource {
  name: string;
  node_name: string;
  props: Record<string, string>;
  flags: string[];
  layer_object: {
    type: 'DRBD';
    children: { type: 'STORAGE' }[];
    drbd: {
      node_id: number;
      peer_slots: number;
      flags: string[];
      connections: Record<string, { connected: boolean; message: string }>;
      promotion_score: number;
      may_promote: boolean;
    };
  };
  state: { in_use?: boolean };
  uuid: string;
  create_timestamp: number;
  volumes: ApiVolume[];
}

const uuidOf = (s: string) => {
  const h = [hash(s), hash(`${s}:1`), hash(`${s}:2`), hash(`${s}:3`)].map((n) =>
    n.toString(16).padStart(8, '0'),
  );
  const x = h.join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
};

export function nodesView(inputs: Inputs, clocks: Clocks): ApiNode[] {
  return inputs.satellites.map((s, i) => ({
    name: s.name,
    type: 'SATELLITE',
    flags: [],
    props: { CurStltConnName: 'default', NodeUname: s.name },
    net_interfaces: [
      {
        name: 'default',
        address: `10.0.1.${i + 11}`,
        satellite_port: 3366,
        satellite_encryption_type: 'PLAIN',
        is_active: true,
      },
    ],
    connection_status: clocks.get(s.name).online ? 'ONLINE' : 'OFFLINE',
    uuid: uuidOf(`node:${s.name}`),
    storage_providers: ['DISKLESS', 'LVM_THIN'],
    resource_layers: ['DRBD', 'STORAGE'],
  }));
}

interface Placement {
  volume: VolumeInput;
  pool: string;
  diskful: string[];
  diskless: { node: string; flags: string[] }[];
}

function placements(inputs: Inputs, clocks: Clocks): Placement[] {
  const online = (n: string) => clocks.get(n).online;
  const linstorNodes = new Set(inputs.satellites.map((s) => s.name));
  clocks.keepOnly(new Set(inputs.volumes.map((v) => v.name)));
  return inputs.volumes.map((v) => {
    const pool = param(v.parameters, 'storagePool') ?? 'DfltStorPool';
    const diskful = clocks.placement(v.name, () =>
      autoplace(v.name, pool, placementCount(v.parameters), inputs.satellites, online),
    );
    const diskless: Placement['diskless'] = [];
    // A consumer on a node without a replica reads over the network from a diskless resource.
    for (const node of v.usedOn)
      if (!diskful.includes(node) && linstorNodes.has(node))
        diskless.push({ node, flags: ['DRBD_DISKLESS'] });
    // Two replicas get a diskless tie-breaker for quorum on a third node.
    if (diskful.length === 2 && diskless.length === 0) {
      const third = inputs.satellites
        .map((s) => s.name)
        .filter((n) => !diskful.includes(n))
        .sort((a, b) => hash(v.name + a) - hash(v.name + b))[0];
      if (third) diskless.push({ node: third, flags: ['DRBD_DISKLESS', 'TIE_BREAKER'] });
    }
    return { volume: v, pool, diskful, diskless };
  });
}

/** A diskful replica's DRBD disk state and, while resyncing, how far it got (0–100). */
export function diskStateOf(
  clock: NodeClock,
  now: number,
  resyncMs: number,
): { disk: string; syncPercent?: number } {
  if (!clock.online) return { disk: 'Outdated' };
  const elapsed = now - clock.since;
  if (clock.since > 0 && elapsed < resyncMs)
    return { disk: 'Inconsistent', syncPercent: Math.round((elapsed / resyncMs) * 1000) / 10 };
  return { disk: 'UpToDate' };
}

export interface ViewOptions {
  now: number;
  resyncMs: number;
}

export function resourcesView(inputs: Inputs, clocks: Clocks, opts: ViewOptions): ApiResource[] {
  const out: ApiResource[] = [];
  for (const p of placements(inputs, clocks)) {
    const all = [...p.diskful.map((node) => ({ node, flags: [] as string[] })), ...p.diskless];
    const created = Date.parse(p.volume.createdAt) || 0;
    all.forEach(({ node, flags }, nodeId) => {
      const clock = clocks.get(node);
      const diskful = flags.length === 0;
      const own = diskful ? diskStateOf(clock, opts.now, opts.resyncMs) : { disk: 'Diskless' };
      const connections: ApiResource['layer_object']['drbd']['connections'] = {};
      const replication: Record<string, ApiReplicationState> = {};
      for (const peer of all) {
        if (peer.node === node) continue;
        const peerClock = clocks.get(peer.node);
        const up = clock.online && peerClock.online;
        connections[peer.node] = { connected: up, message: up ? 'Connected' : 'Connecting' };
        if (!up || !diskful || peer.flags.length > 0) continue;
        const peerState = diskStateOf(peerClock, opts.now, opts.resyncMs);
        if (own.syncPercent !== undefined)
          replication[peer.node] = {
            replication_state: 'SyncTarget',
            done_percentage: own.syncPercent,
          };
        else if (peerState.syncPercent !== undefined)
          replication[peer.node] = {
            replication_state: 'SyncSource',
            done_percentage: peerState.syncPercent,
          };
        else replication[peer.node] = { replication_state: 'Established' };
      }
      const inUse = clock.online && p.volume.usedOn.includes(node);
      const minor = 1000 + (hash(p.volume.name) % 9000);
      out.push({
        name: p.volume.name,
        node_name: node,
        props: { StorPoolName: diskful ? p.pool : DISKLESS_POOL },
        flags,
        layer_object: {
          type: 'DRBD',
          children: [{ type: 'STORAGE' }],
          drbd: {
            node_id: nodeId,
            peer_slots: 7,
            flags: [],
            connections,
            promotion_score: diskful && own.disk === 'UpToDate' ? 10102 : 0,
            may_promote: clock.online && !inUse && own.disk === 'UpToDate',
          },
        },
        // The controller cannot ask an offline satellite: in_use is left out, as unknown.
        state: clock.online ? { in_use: inUse } : {},
        uuid: uuidOf(`res:${p.volume.name}:${node}`),
        create_timestamp: created,
        volumes: [
          {
            volume_number: 0,
            storage_pool_name: diskful ? p.pool : DISKLESS_POOL,
            provider_kind: diskful ? 'LVM_THIN' : 'DISKLESS',
            device_path: `/dev/drbd${minor}`,
            ...(diskful ? { allocated_size_kib: Math.round(p.volume.sizeKiB * 0.12) } : {}),
            usable_size_kib: p.volume.sizeKiB,
            flags: [],
            state: {
              disk_state: own.disk,
              ...(Object.keys(replication).length ? { replication_states: replication } : {}),
            },
            uuid: uuidOf(`vol:${p.volume.name}:${node}`),
          },
        ],
      });
    });
  }
  return out;
}

export function storagePoolsView(inputs: Inputs, clocks: Clocks): ApiStoragePool[] {
  const used = new Map<string, number>();
  for (const p of placements(inputs, clocks))
    for (const node of p.diskful) {
      const key = `${node}/${p.pool}`;
      used.set(key, (used.get(key) ?? 0) + p.volume.sizeKiB);
    }
  const pools: ApiStoragePool[] = [];
  for (const s of inputs.satellites) {
    const online = clocks.get(s.name).online;
    const offline = online
      ? []
      : [{ ret_code: -4611686018406153244, message: 'No active connection to satellite' }];
    pools.push({
      storage_pool_name: DISKLESS_POOL,
      node_name: s.name,
      provider_kind: 'DISKLESS',
      props: {},
      static_traits: { SupportsSnapshots: 'false' },
      free_space_mgr_name: `${s.name};${DISKLESS_POOL}`,
      uuid: uuidOf(`pool:${s.name}:${DISKLESS_POOL}`),
      supports_snapshots: false,
      reports: offline,
    });
    for (const name of s.pools) {
      const taken = s.baseUsedKiB + (used.get(`${s.name}/${name}`) ?? 0);
      pools.push({
        storage_pool_name: name,
        node_name: s.name,
        provider_kind: 'LVM_THIN',
        props: { StorDriver_LvmVg: `linstor_${name}`, StorDriver_ThinPool: name },
        static_traits: { Provisioning: 'Thin', SupportsSnapshots: 'true' },
        // An offline satellite reports nothing: the controller knows no capacity for it.
        ...(online
          ? {
              free_capacity: Math.max(0, s.totalKiB - taken),
              total_capacity: s.totalKiB,
            }
          : {}),
        free_space_mgr_name: `${s.name};${name}`,
        uuid: uuidOf(`pool:${s.name}:${name}`),
        supports_snapshots: true,
        reports: offline,
      });
    }
  }
  return pools;
}

/** The `nodes`, `resources`, `storage_pools` list filters (repeated or comma-separated, any case). */
export function filterBy<T>(items: T[], values: string[], key: (t: T) => string): T[] {
  if (!values.length) return items;
  const want = new Set(values.map((v) => v.toLowerCase()));
  return items.filter((i) => want.has(key(i).toLowerCase()));
}
