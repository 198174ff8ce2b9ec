import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';

import { TenantOverview } from '@/components/tenant/tenant-overview';
import { prefetchLists } from '@/lib/live/prefetch';
import { overviewLists } from '@/lib/tenants/overview';
import { tenantFromRoute } from '@/lib/tenants/resolve';

export const metadata: Metadata = { title: 'Overview' };

export default async function TenantPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { kube, tenant } = await tenantFromRoute((await params).tenant);
  const state = await prefetchLists(kube, overviewLists(tenant.namespace));
  return (
    <HydrationBoundary state={state}>
      <TenantOverview tenant={tenant} />
    </HydrationBoundary>
  );
}
