import { HydrationBoundary } from '@tanstack/react-query';

import { PoolsView } from '@/components/loadbalancers/pools-view';
import { serverEnv } from '@/lib/env';
import { loadPoolsPage } from '@/lib/loadbalancers/pages';
import { titled } from '@/lib/pages/title';

export const generateMetadata = titled('nav.ipPools');

export default async function ConsoleIpPools() {
  const { state } = await loadPoolsPage();
  return (
    <HydrationBoundary state={state}>
      <PoolsView tenantPrefix={serverEnv().STRATUS_TENANT_NAMESPACE_PREFIX} />
    </HydrationBoundary>
  );
}
