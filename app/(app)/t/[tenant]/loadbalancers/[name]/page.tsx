import { HydrationBoundary } from '@tanstack/react-query';

import { LbDetail } from '@/components/loadbalancers/lb-detail';
import { loadLbDetailPage } from '@/lib/loadbalancers/pages';

export default async function LoadBalancerPage({
  params,
}: {
  params: Promise<{ tenant: string; name: string }>;
}) {
  const { tenant: tenantName, name } = await params;
  const { tenant, state, can } = await loadLbDetailPage(tenantName, name);
  return (
    <HydrationBoundary state={state}>
      <LbDetail tenant={tenant} name={name} can={can} />
    </HydrationBoundary>
  );
}
