import { HydrationBoundary } from '@tanstack/react-query';
import { notFound } from 'next/navigation';

import { ResourceList } from '@/components/resources/resource-list';
import { canI } from '@/lib/k8s/access';
import { models } from '@/lib/k8s/models';
import { prefetchLists } from '@/lib/live/prefetch';
import { portalResource } from '@/lib/tenants/portal';
import { tenantFromRoute } from '@/lib/tenants/resolve';

export default async function ResourceListPage({
  params,
}: {
  params: Promise<{ tenant: string; resource: string }>;
}) {
  const { tenant: tenantName, resource } = await params;
  const portal = portalResource(resource);
  if (!portal) notFound();
  const { kube, tenant } = await tenantFromRoute(tenantName);
  const sub = {
    model: portal.model,
    namespace: tenant.namespace,
    ...(portal.fieldSelector ? { fieldSelector: portal.fieldSelector } : {}),
  };
  const [state, [canDelete]] = await Promise.all([
    prefetchLists(kube, [sub]),
    canI(kube, [{ verb: 'delete', model: models[portal.model], namespace: tenant.namespace }]),
  ]);
  return (
    <HydrationBoundary state={state}>
      <ResourceList
        tenant={tenant}
        segment={portal.segment}
        sub={sub}
        canDelete={canDelete ?? false}
      />
    </HydrationBoundary>
  );
}
