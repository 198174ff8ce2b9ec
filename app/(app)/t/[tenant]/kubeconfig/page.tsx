import { HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';

import { KubeconfigList } from '@/components/clusters/kubeconfig-list';
import { clusterLists } from '@/lib/clusters/live';
import { canI } from '@/lib/k8s/access';
import { models } from '@/lib/k8s/models';
import { prefetchLists } from '@/lib/live/prefetch';
import { tenantFromRoute } from '@/lib/tenants/resolve';

export const metadata: Metadata = { title: 'Kubeconfig' };

export default async function KubeconfigPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { kube, tenant } = await tenantFromRoute((await params).tenant);
  const [canRead] = await canI(kube, [
    { verb: 'list', model: models.secrets, namespace: tenant.namespace },
  ]);
  const secrets = {
    model: 'secrets' as const,
    namespace: tenant.namespace,
    labelSelector: 'cluster.x-k8s.io/cluster-name',
  };
  const state = await prefetchLists(kube, [
    ...clusterLists(tenant.namespace),
    ...(canRead ? [secrets] : []),
  ]);
  return (
    <HydrationBoundary state={state}>
      <KubeconfigList tenant={tenant} canRead={canRead ?? false} />
    </HydrationBoundary>
  );
}
