import 'server-only';

import { notFound } from 'next/navigation';

import { canI } from '../k8s/access';
import { models } from '../k8s/models';
import { prefetchLists } from '../live/prefetch';
import { portalResource, portalSubscription } from './portal';
import { tenantFromRoute } from './resolve';

/**
 * What a generic portal page needs: the tenant (or not-found), the live list it shows — the whole
 * collection, or one object by name — prefetched as the user, and whether they may delete.
 */
export async function loadPortalPage(tenantName: string, segment: string, name?: string) {
  const portal = portalResource(segment);
  if (!portal) notFound();
  const { kube, tenant } = await tenantFromRoute(tenantName);
  const sub = portalSubscription(portal, tenant.namespace, name);
  const [state, [canDelete]] = await Promise.all([
    prefetchLists(kube, [sub]),
    canI(kube, [{ verb: 'delete', model: models[portal.model], namespace: tenant.namespace }]),
  ]);
  return { tenant, portal, sub, state, canDelete: canDelete ?? false };
}
