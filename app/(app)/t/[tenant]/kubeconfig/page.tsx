import { KubeconfigList } from '@/components/clusters/kubeconfig-list';
import { tenantRoute } from '@/components/resources/tenant-route';
import { loadClustersPage } from '@/lib/clusters/pages';
import { titled } from '@/lib/pages/title';

export const generateMetadata = titled('kubeconfig.title');

// Reading the Secret is what a download needs; the page itself never reads one.
export default tenantRoute(
  (tenant) => loadClustersPage(tenant, { verb: 'get', model: 'secrets' }),
  ({ tenant, can }) => <KubeconfigList tenant={tenant} canRead={can.may} />,
);
