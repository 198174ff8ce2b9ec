import { HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';

import { KubeconfigList } from '@/components/clusters/kubeconfig-list';
import { allOf, clusterLists } from '@/lib/clusters/live';
import { getT } from '@/lib/i18n/server';
import { loadTenantPage } from '@/lib/pages/tenant-page';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('kubeconfig.title') };
}

export default async function KubeconfigPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant, state, can } = await loadTenantPage((await params).tenant, {
    lists: (ns) => allOf(clusterLists(ns)),
    can: { read: { verb: 'get', model: 'secrets' } },
  });
  return (
    <HydrationBoundary state={state}>
      <KubeconfigList tenant={tenant} canRead={can.read} />
    </HydrationBoundary>
  );
}
