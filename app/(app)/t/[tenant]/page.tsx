import { tenantRoute } from '@/components/resources/tenant-route';
import { TenantOverview } from '@/components/tenant/tenant-overview';
import { FIRST_PAGE } from '@/lib/live/prefetch';
import { loadTenantPage } from '@/lib/pages/tenant-page';
import { titled } from '@/lib/pages/title';
import { overviewLists } from '@/lib/tenants/overview';

export const generateMetadata = titled('nav.overview');

export default tenantRoute(
  (tenant) => loadTenantPage(tenant, { lists: overviewLists, firstPage: FIRST_PAGE }),
  ({ tenant }) => <TenantOverview tenant={tenant} />,
);
