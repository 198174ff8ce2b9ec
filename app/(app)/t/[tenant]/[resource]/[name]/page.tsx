import { HydrationBoundary } from '@tanstack/react-query';
import { notFound } from 'next/navigation';

import { ResourceDetail } from '@/components/resources/resource-detail';
import { canI } from '@/lib/k8s/access';
import { models } from '@/lib/k8s/models';
import { prefetchLists } from '@/lib/live/prefetch';
import { portalResource } from '@/lib/tenants/portal';
import { tenantFromRoute } from '@/lib/tenants/resolve';

export default async function ResourceDetailPage({
  params,
}: {
  params: Promise<{ tenant: string; resource: string; name: string }>;
}) {
  const { tenant: tenantName, resource, name } = await params;
  const portal = portalResource(resource);
  if (!portal) notFound();
  const { kube, tenant } = await tenantFromRoute(tenantName);
  const sub = {
    model: portal.model,
    namespace: tenant.namespace,
    fieldSelector: `metadata.name=${name}`,
  };
  const [state, [canDelete]] = await Promise.all([
    prefetchLists(kube, [sub]),
    canI(kube, [{ verb: 'delete', model: models[portal.model], namespace: tenant.namespace }]),
  ]);
  return (
    <HydrationBoundary state={state}>
      <ResourceDetail
        tenant={tenant}
        segment={portal.segment}
        model={portal.model}
        name={name}
        canDelete={canDelete ?? false}
      />
    </HydrationBoundary>
  );
}
