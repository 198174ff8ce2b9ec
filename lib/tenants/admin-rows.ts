// The operator's tenant list: each tenant with its quota use, members and what it runs. Pure.
import type { NamespaceObject, ResourceQuotaObject } from '../k8s/objects';
import type { KubeObject } from '../k8s/types';
import { ALLOWED_POOLS_ANNOTATION } from './admin-build';
import { membersOf, type RoleBindingObject } from './members';
import { quotaLines, type QuotaLine } from './overview';
import { DISPLAY_NAME_ANNOTATION, TENANT_LABEL } from './types';

/** A tenant counts as near its quota from this share of any limit. */
export const NEAR_QUOTA = 0.85;

export interface TenantRow {
  name: string;
  namespace: string;
  displayName: string;
  terminating: boolean;
  quota: QuotaLine[];
  /** The highest use of any quota line, 0..1. */
  fullest: number;
  admins: string[];
  viewers: string[];
  pools: string[];
  counts: { clusters: number; vms: number; volumes: number; addresses: number };
}

export interface TenantLists {
  namespaces: NamespaceObject[];
  quotas: ResourceQuotaObject[];
  bindings: RoleBindingObject[];
  clusters: KubeObject[];
  vms: KubeObject[];
  volumes: KubeObject[];
  /** Services of type LoadBalancer. */
  addresses: KubeObject[];
}

function countByNamespace(items: KubeObject[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const o of items) {
    const ns = o.metadata?.namespace ?? '';
    m.set(ns, (m.get(ns) ?? 0) + 1);
  }
  return m;
}

const byNs = <T extends KubeObject>(items: T[]) => {
  const m = new Map<string, T[]>();
  for (const o of items) {
    const ns = o.metadata?.namespace ?? '';
    m.set(ns, [...(m.get(ns) ?? []), o]);
  }
  return m;
};

export function tenantRows(l: TenantLists, groupPrefix: string): TenantRow[] {
  const quotas = byNs(l.quotas);
  const bindings = byNs(l.bindings);
  const counts = {
    clusters: countByNamespace(l.clusters),
    vms: countByNamespace(l.vms),
    volumes: countByNamespace(l.volumes),
    addresses: countByNamespace(l.addresses),
  };
  return l.namespaces
    .filter((ns) => ns.metadata?.labels?.[TENANT_LABEL])
    .map((ns) => {
      const namespace = ns.metadata?.name ?? '';
      const name = ns.metadata?.labels?.[TENANT_LABEL] ?? namespace;
      const lines = quotaLines(quotas.get(namespace) ?? []);
      const pools = ns.metadata?.annotations?.[ALLOWED_POOLS_ANNOTATION];
      return {
        name,
        namespace,
        displayName: ns.metadata?.annotations?.[DISPLAY_NAME_ANNOTATION] ?? name,
        terminating: !!ns.metadata?.deletionTimestamp || ns.status?.phase === 'Terminating',
        quota: lines,
        fullest: Math.max(0, ...lines.map((q) => q.ratio ?? 0)),
        ...membersOf(bindings.get(namespace) ?? [], groupPrefix),
        pools: pools ? pools.split(',').filter(Boolean) : [],
        counts: {
          clusters: counts.clusters.get(namespace) ?? 0,
          vms: counts.vms.get(namespace) ?? 0,
          volumes: counts.volumes.get(namespace) ?? 0,
          addresses: counts.addresses.get(namespace) ?? 0,
        },
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const nearQuota = (rows: TenantRow[]) => rows.filter((r) => r.fullest >= NEAR_QUOTA);
