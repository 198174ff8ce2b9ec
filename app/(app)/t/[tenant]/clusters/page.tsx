import { HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';

import { ClusterList } from '@/components/clusters/cluster-list';
import { allOf, clusterLists } from '@/lib/clusters/live';
import { getT } from '@/lib/i18n/server';
import { loadTenantPage } from '@/lib/pages/tenant-page';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('nav.clusters') };
}

export default async function ClustersPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant, state, can } = await loadTenantPage((await params).tenant, {
    lists: (ns) => allOf(clusterLists(ns)),
    can: { create: { verb: 'create', model: 'clusters' } },
  });
  return (
    <HydrationBoundary state={state}>
      <ClusterList tenant={tenant} canCreate={can.create} />
    </HydrationBoundary>
  );
}
