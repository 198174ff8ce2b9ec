import { HydrationBoundary } from '@tanstack/react-query';

import { ResourceList } from '@/components/resources/resource-list';
import { loadPortalPage } from '@/lib/tenants/portal-page';

export default async function ResourceListPage({
  params,
}: {
  params: Promise<{ tenant: string; resource: string }>;
}) {
  const { tenant: tenantName, resource } = await params;
  const { tenant, portal, sub, state, canDelete } = await loadPortalPage(tenantName, resource);
  return (
    <HydrationBoundary state={state}>
      <ResourceList tenant={tenant} segment={portal.segment} sub={sub} canDelete={canDelete} />
    </HydrationBoundary>
  );
}
