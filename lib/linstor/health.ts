// Replica health from LINSTOR's resource view: one row per node holding a resource, and the marks
// a person needs (in sync, degraded, all data on one node, resyncing). Pure; shared by the volume
// pages, the VM page's map and the operator console.
import type { LinstorNode, LinstorResource, LinstorStoragePool } from './types';

export interface PeerLink {
  node: string;
  connected: boolean;
  /** DRBD's connection state as LINSTOR reports it (Connected, Connecting, StandAlone, …). */
  message: string;
  /** SyncSource / SyncTarget / Established, with progress while resyncing. */
  replication?: string;
  percent?: number;
}

export interface ReplicaRow {
  node: string;
  diskful: boolean;
  tieBreaker: boolean;
  /** UpToDate, Diskless, Outdated, Inconsistent, Failed, …; Unknown when LINSTOR has none. */
  diskState: string;
  /** Undefined when the satellite cannot tell (offline). */
  inUse?: boolean;
  pool?: string;
  /** How far this replica's resync got (it is the SyncTarget). */
  syncPercent?: number;
  peers: PeerLink[];
}

export interface ReplicaHealth {
  resource: string;
  replicas: ReplicaRow[];
  upToDate: number;
  diskful: number;
  /** The class's placement count. */
  expected: number;
  /** Fewer UpToDate replicas than the class places. */
  degraded: boolean;
  /** The class wants several copies but all data sits on one node. */
  sameNode: boolean;
  syncing: boolean;
}

const DISKLESS = new Set(['DISKLESS', 'DRBD_DISKLESS', 'TIE_BREAKER']);

export function replicaRow(r: LinstorResource): ReplicaRow {
  const flags = r.flags ?? [];
  const vol = r.volumes?.[0];
  const diskful = !flags.some((f) => DISKLESS.has(f)) && vol?.provider_kind !== 'DISKLESS';
  const replication = vol?.state?.replication_states ?? {};
  const peers = Object.entries(r.layer_object?.drbd?.connections ?? {})
    .map(([node, c]) => {
      const rep = replication[node];
      return {
        node,
        connected: c.connected === true,
        message: c.message ?? (c.connected ? 'Connected' : 'Unknown'),
        ...(rep?.replication_state ? { replication: rep.replication_state } : {}),
        ...(rep?.done_percentage !== undefined ? { percent: rep.done_percentage } : {}),
      };
    })
    .sort((a, b) => a.node.localeCompare(b.node));
  const target = Object.values(replication).find((s) => s.replication_state === 'SyncTarget');
  return {
    node: r.node_name,
    diskful,
    tieBreaker: flags.includes('TIE_BREAKER'),
    diskState: vol?.state?.disk_state ?? 'Unknown',
    ...(r.state?.in_use !== undefined ? { inUse: r.state.in_use } : {}),
    ...(vol?.storage_pool_name ? { pool: vol.storage_pool_name } : {}),
    ...(target?.done_percentage !== undefined ? { syncPercent: target.done_percentage } : {}),
    peers,
  };
}

/** The health of one resource (all its rows from the view), against the class's placement. */
export function replicaHealth(
  resource: string,
  rows: LinstorResource[],
  expected: number,
): ReplicaHealth {
  const replicas = rows
    .filter((r) => r.name === resource)
    .map(replicaRow)
    .sort((a, b) => Number(b.diskful) - Number(a.diskful) || a.node.localeCompare(b.node));
  const diskfulRows = replicas.filter((r) => r.diskful);
  const upToDate = diskfulRows.filter((r) => r.diskState === 'UpToDate').length;
  const nodes = new Set(diskfulRows.map((r) => r.node));
  return {
    resource,
    replicas,
    upToDate,
    diskful: diskfulRows.length,
    expected,
    degraded: upToDate < expected,
    sameNode: expected > 1 && diskfulRows.length > 0 && nodes.size < 2,
    syncing: replicas.some((r) => r.syncPercent !== undefined),
  };
}

/** Groups the view by resource name. */
export function byResource(rows: LinstorResource[]): Map<string, LinstorResource[]> {
  const out = new Map<string, LinstorResource[]>();
  for (const r of rows) out.set(r.name, [...(out.get(r.name) ?? []), r]);
  return out;
}

export interface PoolUsage {
  node: string;
  pool: string;
  provider?: string;
  /** KiB; undefined when the satellite did not report (offline). */
  totalKiB?: number;
  freeKiB?: number;
  /** Used share 0–1 when known. */
  used?: number;
}

/** Diskful pools only (the diskless pool has no capacity), sorted by node then pool. */
export function poolUsage(pools: LinstorStoragePool[]): PoolUsage[] {
  return pools
    .filter((p) => p.provider_kind !== 'DISKLESS')
    .map((p) => ({
      node: p.node_name,
      pool: p.storage_pool_name,
      ...(p.provider_kind ? { provider: p.provider_kind } : {}),
      ...(p.total_capacity !== undefined ? { totalKiB: p.total_capacity } : {}),
      ...(p.free_capacity !== undefined ? { freeKiB: p.free_capacity } : {}),
      ...(p.total_capacity && p.free_capacity !== undefined
        ? { used: (p.total_capacity - p.free_capacity) / p.total_capacity }
        : {}),
    }))
    .sort((a, b) => a.node.localeCompare(b.node) || a.pool.localeCompare(b.pool));
}

/** LINSTOR's connection status per node name. */
export function nodeStatus(nodes: LinstorNode[]): Record<string, string> {
  return Object.fromEntries(nodes.map((n) => [n.name, n.connection_status ?? 'UNKNOWN']));
}

const KiB = 1024;
/** KiB as a person reads capacity: "7.3 TiB", "512 GiB". */
export function formatKiB(kib: number | undefined): string {
  if (kib === undefined) return '—';
  const units = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = kib;
  let i = 0;
  while (v >= KiB && i < units.length - 1) {
    v /= KiB;
    i++;
  }
  return `${v >= 100 || Number.isInteger(v) ? Math.round(v) : v.toFixed(1)} ${units[i] ?? 'KiB'}`;
}
