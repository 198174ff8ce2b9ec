import 'server-only';

import { msg } from '../i18n/messages';
import type { KubeClient } from '../k8s/client';
import { problemOf, type Problem } from '../k8s/errors';
import { models } from '../k8s/models';
import { loadTenantPage, type PermissionCheck } from '../pages/tenant-page';
import { allOf, clusterLists } from './live';

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
