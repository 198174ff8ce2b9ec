import { tenantRoute } from '@/components/resources/tenant-route';
import { VmList } from '@/components/vms/vm-list';
import { titled } from '@/lib/pages/title';
import { loadVmListPage } from '@/lib/vms/pages';

export const generateMetadata = titled('nav.vms');

export default tenantRoute(loadVmListPage, ({ tenant, can }) => (
  <VmList tenant={tenant} canCreate={can.create} />
));
