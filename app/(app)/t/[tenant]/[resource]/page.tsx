import { HydrationBoundary } from '@tanstack/react-query';
import { notFound } from 'next/navigation';

import { ResourceList } from '@/components/resources/resource-list';
import { portalSection, sectionSubscription } from '@/lib/navigation';
import { loadTenantPage } from '@/lib/pages/tenant-page';

export default async function ResourceListPage({
  params,
}: {
  params: Promise<{ tenant: string; resource: string }>;
}) {
  const { tenant: tenantName, resource } = await params;
  const section = portalSection(resource) ?? notFound();
  const { tenant, state, can } = await loadTenantPage(tenantName, {
    lists: (ns) => [sectionSubscription(section, ns)],
    can: { delete: { verb: 'delete', model: section.model } },
  });
  return (
    <HydrationBoundary state={state}>
      <ResourceList tenant={tenant} section={section} canDelete={can.delete} />
    </HydrationBoundary>
  );
}
