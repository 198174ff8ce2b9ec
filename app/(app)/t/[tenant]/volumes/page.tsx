import { tenantRoute } from '@/components/resources/tenant-route';
import { VolumeList } from '@/components/volumes/volume-list';
import { titled } from '@/lib/pages/title';
import { loadVolumeListPage } from '@/lib/volumes/pages';

export const generateMetadata = titled('nav.volumes');

export default tenantRoute(loadVolumeListPage, ({ tenant, can }) => (
  <VolumeList tenant={tenant} canCreate={can.create} />
));
