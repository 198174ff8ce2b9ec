import { HydrationBoundary } from '@tanstack/react-query';

import { ResourceDetail } from '@/components/resources/resource-detail';
import { loadPortalPage } from '@/lib/tenants/portal-page';

export default async function ResourceDetailPage({
  params,
}: {
  params: Promise<{ tenant: string; resource: string; name: string }>;
}) {
  const { tenant: tenantName, resource, name } = await params;
  const { tenant, portal, state, canDelete } = await loadPortalPage(tenantName, resource, name);
  return (
    <HydrationBoundary state={state}>
      <ResourceDetail
        tenant={tenant}
        segment={portal.segment}
        model={portal.model}
        name={name}
        canDelete={canDelete}
      />
    </HydrationBoundary>
  );
}
