import { HydrationBoundary } from '@tanstack/react-query';

import { TenantAdminList } from '@/components/tenants/tenant-admin-list';
import { loadTenantAdminPage } from '@/lib/tenants/admin-pages';

export default async function ConsoleTenants() {
  const { state, groupPrefix, can } = await loadTenantAdminPage();
  return (
    <HydrationBoundary state={state}>
      <TenantAdminList groupPrefix={groupPrefix} can={can} />
    </HydrationBoundary>
  );
}
