import 'server-only';

import { loadConsolePage } from '../console';
import type { KubeClient } from '../k8s/client';
import { models } from '../k8s/models';
import { allOf } from '../live/protocol';
import { loadTenantPage, type PermissionCheck } from '../pages/tenant-page';
import { lbDetailLists, lbLists } from './live';

const permissions = {
  create: { verb: 'create', model: 'services' },
  change: { verb: 'patch', model: 'services' },
  delete: { verb: 'delete', model: 'services' },
} satisfies Record<string, PermissionCheck>;

export function loadLbListPage(tenantName: string) {
  return loadTenantPage(tenantName, {
    lists: (ns) => allOf(lbLists(ns)),
    can: { create: permissions.create },
  });
}

/** The create form: the pools, the tenant's load balancers (for sharing) and its VMs. */
export function loadLbFormPage(tenantName: string) {
  return loadTenantPage(tenantName, {
    lists: (ns) => [
      ...allOf(lbLists(ns)),
      { model: 'virtualmachines', namespace: ns, view: 'rows' },
    ],
    can: { create: permissions.create },
  });
}

export function loadLbDetailPage(tenantName: string, name: string) {
  return loadTenantPage(tenantName, {
    lists: (ns) => [...allOf(lbDetailLists(ns, name)), lbLists(ns).services],
    can: permissions,
  });
}

/** The operator's pools page: every pool and every tenant's load balancers. */
export function loadPoolsPage() {
  const l = lbLists(undefined);
  return loadConsolePage([l.pools, l.services]);
}

/** The tenant namespace's labels, which pools' namespaceSelectors match (the person may get it). */
export async function namespaceLabels(kube: KubeClient, namespace: string) {
  const ns = await kube.get(models.namespaces, undefined, namespace);
  return ns.metadata?.labels ?? {};
}
