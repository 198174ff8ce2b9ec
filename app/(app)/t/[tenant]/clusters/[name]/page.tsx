import { HydrationBoundary } from '@tanstack/react-query';

import { ClusterDetail } from '@/components/clusters/cluster-detail';
import { allOf, clusterDetailLists } from '@/lib/clusters/live';
import { supportedVersions } from '@/lib/clusters/server';
import { loadTenantPage } from '@/lib/pages/tenant-page';

export default async function ClusterPage({
  params,
}: {
  params: Promise<{ tenant: string; name: string }>;
}) {
  const { tenant: tenantName, name } = await params;
  const { tenant, state, can } = await loadTenantPage(tenantName, {
    lists: (ns) => allOf(clusterDetailLists(ns, name)),
    can: {
      scale: { verb: 'patch', model: 'machinedeployments' },
      upgrade: { verb: 'patch', model: 'kamajicontrolplanes' },
      delete: { verb: 'delete', model: 'clusters' },
    },
  });
  return (
    <HydrationBoundary state={state}>
      <ClusterDetail tenant={tenant} name={name} versions={supportedVersions()} can={can} />
    </HydrationBoundary>
  );
}
