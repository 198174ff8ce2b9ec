import { HydrationBoundary } from '@tanstack/react-query';

import { VolumeDetail } from '@/components/volumes/volume-detail';
import { loadVolumeDetailPage } from '@/lib/volumes/pages';

export default async function VolumePage({
  params,
}: {
  params: Promise<{ tenant: string; name: string }>;
}) {
  const { tenant: tenantName, name } = await params;
  const { tenant, state, can, classes } = await loadVolumeDetailPage(tenantName, name);
  return (
    <HydrationBoundary state={state}>
      <VolumeDetail tenant={tenant} name={name} can={can} classes={classes} />
    </HydrationBoundary>
  );
}
