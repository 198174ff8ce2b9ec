import { ClusterList } from '@/components/clusters/cluster-list';
import { tenantRoute } from '@/components/resources/tenant-route';
import { loadClustersPage } from '@/lib/clusters/pages';
import { titled } from '@/lib/pages/title';

export const generateMetadata = titled('nav.clusters');

export default tenantRoute(
  (tenant) => loadClustersPage(tenant, { verb: 'create', model: 'clusters' }),
  ({ tenant, can }) => <ClusterList tenant={tenant} canCreate={can.may} />,
);
