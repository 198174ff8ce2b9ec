import 'server-only';

import { msg } from '../i18n/messages';
import type { KubeClient } from '../k8s/client';
import { problemOf, type Problem } from '../k8s/errors';
import { models } from '../k8s/models';
import { loadTenantPage, type PermissionCheck } from '../pages/tenant-page';
import { platformConfig } from '../platform/server';
import type { AddonInfo } from './addon-status';
import { allOf } from '../live/protocol';
import { clusterLists } from './live';
import { instancetypeOptions, type InstancetypeOption } from './sizes';

/** A page over a tenant's clusters (the list, the kubeconfig page) and one permission. */
export function loadClustersPage(tenantName: string, check: PermissionCheck) {
  return loadTenantPage(tenantName, {
    lists: (ns) => allOf(clusterLists(ns)),
    can: { may: check },
  });
}

/** The storage classes tenant disks may use (LINSTOR's), or why they can't be listed. */
export async function linstorClasses(
  kube: KubeClient,
): Promise<{ ok: true; names: string[] } | { ok: false; problem: Problem }> {
  try {
    const list = await kube.list(models.storageclasses);
    const names = list.items
      .filter((c) => c.provisioner === 'linstor.csi.linbit.com')
      .map((c) => c.metadata?.name ?? '')
      .sort();
    return { ok: true, names };
  } catch (e) {
    const kinds = { key: 'model.storageclasses.plural', lower: true } as const;
    return { ok: false, problem: problemOf(e, { action: msg('action.see', { kinds }) }) };
  }
}

/** The cluster instancetypes node groups may use, read as the person, or why they can't be. */
export async function clusterInstancetypes(
  kube: KubeClient,
): Promise<{ ok: true; options: InstancetypeOption[] } | { ok: false; problem: Problem }> {
  try {
    const list = await kube.list(models.virtualmachineclusterinstancetypes);
    return { ok: true, options: instancetypeOptions(list.items) };
  } catch (e) {
    const kinds = { key: 'model.virtualmachineclusterinstancetypes.plural', lower: true } as const;
    return { ok: false, problem: problemOf(e, { action: msg('action.see', { kinds }) }) };
  }
}

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
