import { HydrationBoundary } from '@tanstack/react-query';

import { ClusterDetail } from '@/components/clusters/cluster-detail';
import { clusterDetailLists } from '@/lib/clusters/live';
import { allOf } from '@/lib/live/protocol';
import { addonCatalog } from '@/lib/clusters/pages';
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
      addons: { verb: 'create', model: 'helmreleases' },
    },
  });
  return (
    <HydrationBoundary state={state}>
      <ClusterDetail
        tenant={tenant}
        name={name}
        versions={supportedVersions()}
        addons={addonCatalog()}
        can={can}
      />
    </HydrationBoundary>
  );
}
