import { HydrationBoundary } from '@tanstack/react-query';

import { ClusterDetail } from '@/components/clusters/cluster-detail';
import { clusterDetailLists } from '@/lib/clusters/live';
import { supportedVersions } from '@/lib/clusters/server';
import { canI } from '@/lib/k8s/access';
import { models } from '@/lib/k8s/models';
import { prefetchLists } from '@/lib/live/prefetch';
import { tenantFromRoute } from '@/lib/tenants/resolve';

export default async function ClusterPage({
  params,
}: {
  params: Promise<{ tenant: string; name: string }>;
}) {
  const { tenant: tenantName, name } = await params;
  const { kube, tenant } = await tenantFromRoute(tenantName);
  const ns = tenant.namespace;
  const [state, [scale, upgrade, del]] = await Promise.all([
    prefetchLists(kube, clusterDetailLists(ns, name)),
    canI(kube, [
      { verb: 'patch', model: models.machinedeployments, namespace: ns },
      { verb: 'patch', model: models.kamajicontrolplanes, namespace: ns },
      { verb: 'delete', model: models.clusters, namespace: ns },
    ]),
  ]);
  return (
    <HydrationBoundary state={state}>
      <ClusterDetail
        tenant={tenant}
        name={name}
        versions={supportedVersions()}
        can={{ scale: !!scale, upgrade: !!upgrade, delete: !!del }}
      />
    </HydrationBoundary>
  );
}
