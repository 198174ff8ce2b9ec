import { HydrationBoundary } from '@tanstack/react-query';

import { ReleaseList } from '@/components/releases/release-list';
import { loadReleaseListPage } from '@/lib/releases/pages';

export default async function ConsoleReleases() {
  const { state, tenantPrefix } = await loadReleaseListPage();
  return (
    <HydrationBoundary state={state}>
      <ReleaseList tenantPrefix={tenantPrefix} />
    </HydrationBoundary>
  );
}
