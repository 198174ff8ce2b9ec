import { HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';

import { ClusterList } from '@/components/clusters/cluster-list';
import { clusterLists } from '@/lib/clusters/live';
import { canI } from '@/lib/k8s/access';
import { models } from '@/lib/k8s/models';
import { prefetchLists } from '@/lib/live/prefetch';
import { tenantFromRoute } from '@/lib/tenants/resolve';

export const metadata: Metadata = { title: 'Kubernetes clusters' };

export default async function ClustersPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { kube, tenant } = await tenantFromRoute((await params).tenant);
  const [state, [canCreate]] = await Promise.all([
    prefetchLists(kube, clusterLists(tenant.namespace)),
    canI(kube, [{ verb: 'create', model: models.clusters, namespace: tenant.namespace }]),
  ]);
  return (
    <HydrationBoundary state={state}>
      <ClusterList tenant={tenant} canCreate={canCreate ?? false} />
    </HydrationBoundary>
  );
}
