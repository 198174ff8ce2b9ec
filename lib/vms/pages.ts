import 'server-only';

import { clusterInstancetypes, linstorClasses } from '../clusters/pages';
import type { KubeClient } from '../k8s/client';
import { FIRST_PAGE } from '../live/prefetch';
import { allOf } from '../live/protocol';
import { readList } from '../pages/read-list';
import { loadTenantPage, type PermissionCheck } from '../pages/tenant-page';
import { vmDetailLists, vmLists } from './live';

import { VIRT_API } from './subresources';

export function loadVmListPage(tenantName: string) {
  return loadTenantPage(tenantName, {
    lists: (ns) => allOf(vmLists(ns)),
    firstPage: FIRST_PAGE,
    can: { create: { verb: 'create', model: 'virtualmachines' } },
  });
}

const permissions = {
  change: { verb: 'patch', model: 'virtualmachines' },
  power: { verb: 'update', model: 'virtualmachines', subresource: 'start', group: VIRT_API },
  migrate: { verb: 'update', model: 'virtualmachines', subresource: 'migrate', group: VIRT_API },
  delete: { verb: 'delete', model: 'virtualmachines' },
  snapshot: { verb: 'create', model: 'virtualmachinesnapshots' },
  console: { verb: 'get', model: 'virtualmachineinstances', subresource: 'vnc', group: VIRT_API },
} satisfies Record<string, PermissionCheck>;

export async function loadVmDetailPage(tenantName: string, name: string) {
  const page = await loadTenantPage(tenantName, {
    lists: (ns) => allOf(vmDetailLists(ns, name)),
    can: permissions,
  });
  // The classes a new data disk may use; none offered to people who cannot change the VM.
  const classes = page.can.change ? await linstorClasses(page.kube) : undefined;
  return { ...page, storageClasses: classes?.ok ? classes.value : [] };
}

/** What the create form offers: sizes, OS profiles and LINSTOR classes, or why it can't. */
export async function vmFormOptions(kube: KubeClient) {
  const [classes, types, prefs] = await Promise.all([
    linstorClasses(kube),
    clusterInstancetypes(kube),
    readList(kube, 'virtualmachineclusterpreferences', (items) =>
      items.map((p) => p.metadata?.name ?? '').sort(),
    ),
  ]);
  if (!classes.ok) return classes;
  if (!types.ok) return types;
  if (!prefs.ok) return prefs;
  return {
    ok: true as const,
    storageClasses: classes.value,
    instancetypes: types.value,
    preferences: prefs.value,
  };
}
