import 'server-only';

import { loadConsolePage } from '../console';
import { serverEnv } from '../env';
import { canI } from '../k8s/access';
import { models } from '../k8s/models';
import { allOf } from '../live/protocol';
import { releaseDetailLists, releaseLists } from './live';

export async function loadReleaseListPage() {
  const page = await loadConsolePage([releaseLists.releases]);
  return { ...page, tenantPrefix: serverEnv().STRATUS_TENANT_NAMESPACE_PREFIX };
}

export async function loadReleaseDetailPage(namespace: string, name: string) {
  const page = await loadConsolePage(allOf(releaseDetailLists(namespace, name)));
  const [canPatch] = await canI(page.kube, [
    { verb: 'patch', model: models.helmreleases, namespace, name },
  ]);
  return {
    ...page,
    canPatch: canPatch ?? false,
    tenantPrefix: serverEnv().STRATUS_TENANT_NAMESPACE_PREFIX,
  };
}
