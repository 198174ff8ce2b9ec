import 'server-only';

import type { KubeClient } from '../k8s/client';
import { readList } from '../pages/read-list';
import { loadTenantPage, type PermissionCheck } from '../pages/tenant-page';
import { platformConfig } from '../platform/server';
import type { AddonInfo } from './addon-status';
import { FIRST_PAGE } from '../live/prefetch';
import { allOf } from '../live/protocol';
import { clusterLists } from './live';
import { instancetypeOptions } from './sizes';

/** A page over a tenant's clusters (the list, the kubeconfig page) and one permission. */
export function loadClustersPage(tenantName: string, check: PermissionCheck) {
  return loadTenantPage(tenantName, {
    lists: (ns) => allOf(clusterLists(ns)),
    firstPage: FIRST_PAGE,
    can: { may: check },
  });
}

/** The storage classes tenant disks may use (LINSTOR's), or why they can't be listed. */
export const linstorClasses = (kube: KubeClient) =>
  readList(kube, 'storageclasses', (items) =>
    items
      .filter((c) => c.provisioner === 'linstor.csi.linbit.com')
      .map((c) => c.metadata?.name ?? '')
      .sort(),
  );

/** The cluster instancetypes node groups and VMs may use, read as the person, or why they can't be. */
export const clusterInstancetypes = (kube: KubeClient) =>
  readList(kube, 'virtualmachineclusterinstancetypes', instancetypeOptions);

/** What the detail page shows of the platform's add-on catalog. */
export function addonCatalog(): AddonInfo[] {
  return platformConfig().addons.map((a) => ({
    id: a.id,
    required: a.required,
    ...(a.role ? { role: a.role } : {}),
    chart: a.chart,
    version: a.version,
    dependsOn: a.dependsOn,
  }));
}
