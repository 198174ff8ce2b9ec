import 'server-only';

import { loadConsolePage } from '../console';
import { serverEnv } from '../env';
import { canI } from '../k8s/access';
import { models } from '../k8s/models';
import { allOf } from '../live/protocol';
import { tenantAdminLists } from './admin-live';

export async function loadTenantAdminPage() {
  const page = await loadConsolePage(allOf(tenantAdminLists));
  const [onboard, quota, offboard] = await canI(page.kube, [
    { verb: 'create', model: models.namespaces },
    { verb: 'patch', model: models.resourcequotas },
    { verb: 'delete', model: models.namespaces },
  ]);
  const env = serverEnv();
  return {
    ...page,
    groupPrefix: env.STRATUS_OIDC_GROUP_PREFIX,
    can: { onboard: !!onboard, quota: !!quota, offboard: !!offboard },
  };
}
