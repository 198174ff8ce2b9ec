import { HydrationBoundary } from '@tanstack/react-query';

import { VmDetail } from '@/components/vms/vm-detail';
import { loadVmDetailPage } from '@/lib/vms/pages';

export default async function VmPage({
  params,
}: {
  params: Promise<{ tenant: string; name: string }>;
}) {
  const { tenant: tenantName, name } = await params;
  const { tenant, state, can, storageClasses } = await loadVmDetailPage(tenantName, name);
  return (
    <HydrationBoundary state={state}>
      <VmDetail tenant={tenant} name={name} can={can} storageClasses={storageClasses} />
    </HydrationBoundary>
  );
}
