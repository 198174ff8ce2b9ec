import 'server-only';

// What the dashboard asks LINSTOR, each as a result that never throws: the value, or why it can't
// be had (a sentence for the page). Callers decide what a person may see — these functions read as
// the dashboard, so pass only names the person is entitled to (see lib/volumes/server.ts).
//
// For other domains (e.g. an operator node page): replicasOnNode(node) and storagePools(node).
import { msg, type Msg } from '../i18n/messages';
import { linstorClient, reportLinstor } from './client';
import { poolUsage, replicaRow, type PoolUsage, type ReplicaRow } from './health';
import type { LinstorNode, LinstorResource, LinstorStoragePool } from './types';

export type LinstorRead<T> = { ok: true; value: T } | { ok: false; reason: Msg };

async function read<T>(event: string, path: string, query = {}): Promise<LinstorRead<T>> {
  const client = linstorClient();
  if (!client) return { ok: false, reason: msg('linstor.error.notConfigured') };
  try {
    return { ok: true, value: await client.get<T>(path, query) };
  } catch (e) {
    return { ok: false, reason: reportLinstor(event, e) };
  }
}

/** The resource view of these resource definitions (PV names); [] asks for none, not all. */
export async function resourcesNamed(names: string[]): Promise<LinstorRead<LinstorResource[]>> {
  if (!names.length) return { ok: true, value: [] };
  const r = await read<LinstorResource[]>('linstor resources', '/v1/view/resources', {
    resources: names,
  });
  // LINSTOR filters already; keep only what was asked for, whatever the server did.
  if (!r.ok) return r;
  const want = new Set(names.map((n) => n.toLowerCase()));
  return { ok: true, value: r.value.filter((x) => want.has(x.name.toLowerCase())) };
}

/** Every resource (operator pages only). */
export const allResources = () =>
  read<LinstorResource[]>('linstor resources', '/v1/view/resources');

export const linstorNodes = () => read<LinstorNode[]>('linstor nodes', '/v1/nodes');

/** Storage pools with capacity (KiB), of one node or all. */
export async function storagePools(node?: string): Promise<LinstorRead<PoolUsage[]>> {
  const r = await read<LinstorStoragePool[]>(
    'linstor storage pools',
    '/v1/view/storage-pools',
    node ? { nodes: [node] } : {},
  );
  return r.ok ? { ok: true, value: poolUsage(r.value) } : r;
}

export interface NodeReplica extends ReplicaRow {
  resource: string;
}

/** The LINSTOR replicas a node holds (operator pages: the resource names are PV names). */
export async function replicasOnNode(node: string): Promise<LinstorRead<NodeReplica[]>> {
  const r = await read<LinstorResource[]>('linstor resources', '/v1/view/resources', {
    nodes: [node],
  });
  if (!r.ok) return r;
  return {
    ok: true,
    value: r.value
      .filter((x) => x.node_name === node)
      .map((x) => ({ resource: x.name, ...replicaRow(x) }))
      .sort((a, b) => a.resource.localeCompare(b.resource)),
  };
}
