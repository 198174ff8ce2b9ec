import { HydrationBoundary } from '@tanstack/react-query';
import { notFound } from 'next/navigation';

import { ResourceDetail } from '@/components/resources/resource-detail';
import { eventsAbout } from '@/lib/k8s/events';
import { models } from '@/lib/k8s/models';
import { portalSection, sectionSubscription } from '@/lib/navigation';
import { loadTenantPage } from '@/lib/pages/tenant-page';

export default async function ResourceDetailPage({
  params,
}: {
  params: Promise<{ tenant: string; resource: string; name: string }>;
}) {
  const { tenant: tenantName, resource, name } = await params;
  const section = portalSection(resource) ?? notFound();
  const { tenant, state, can } = await loadTenantPage(tenantName, {
    lists: (ns) => [
      sectionSubscription(section, ns, name),
      eventsAbout(ns, models[section.model].kind, name),
    ],
    can: { delete: { verb: 'delete', model: section.model } },
  });
  return (
    <HydrationBoundary state={state}>
      <ResourceDetail tenant={tenant} section={section} name={name} canDelete={can.delete} />
    </HydrationBoundary>
  );
}
