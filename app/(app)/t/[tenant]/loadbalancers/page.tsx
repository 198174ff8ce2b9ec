import { LbList } from '@/components/loadbalancers/lb-list';
import { tenantRoute } from '@/components/resources/tenant-route';
import { loadLbListPage } from '@/lib/loadbalancers/pages';
import { titled } from '@/lib/pages/title';

export const generateMetadata = titled('nav.loadBalancers');

export default tenantRoute(loadLbListPage, ({ tenant, can }) => (
  <LbList tenant={tenant} canCreate={can.create} />
));
