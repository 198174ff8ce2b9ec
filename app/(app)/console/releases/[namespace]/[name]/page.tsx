import { HydrationBoundary } from '@tanstack/react-query';

import { ReleaseDetail } from '@/components/releases/release-detail';
import { loadReleaseDetailPage } from '@/lib/releases/pages';

export default async function ConsoleRelease({
  params,
}: {
  params: Promise<{ namespace: string; name: string }>;
}) {
  const { namespace, name } = await params;
  const { state, canPatch, tenantPrefix } = await loadReleaseDetailPage(namespace, name);
  return (
    <HydrationBoundary state={state}>
      <ReleaseDetail
        namespace={namespace}
        name={name}
        tenantPrefix={tenantPrefix}
        canPatch={canPatch}
      />
    </HydrationBoundary>
  );
}
