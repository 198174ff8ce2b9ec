import { HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';

import { TenantOverview } from '@/components/tenant/tenant-overview';
import { getT } from '@/lib/i18n/server';
import { loadTenantPage } from '@/lib/pages/tenant-page';
import { overviewLists } from '@/lib/tenants/overview';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('nav.overview') };
}

export default async function TenantPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant, state } = await loadTenantPage((await params).tenant, { lists: overviewLists });
  return (
    <HydrationBoundary state={state}>
      <TenantOverview tenant={tenant} />
    </HydrationBoundary>
  );
}
