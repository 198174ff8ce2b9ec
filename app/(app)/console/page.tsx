import { HydrationBoundary } from '@tanstack/react-query';

import { ConsoleList } from '@/components/console/console-list';
import { requireOperator } from '@/lib/console';
import { getT } from '@/lib/i18n/server';
import { prefetchLists } from '@/lib/live/prefetch';

export default async function ConsoleNodes() {
  const { kube } = await requireOperator();
  const t = await getT();
  const state = await prefetchLists(kube, [{ model: 'nodes' }]);
  return (
    <HydrationBoundary state={state}>
      <ConsoleList model="nodes" title={t('console.nodes')} />
    </HydrationBoundary>
  );
}
