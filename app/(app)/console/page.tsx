import { HydrationBoundary } from '@tanstack/react-query';

import { OperatorOverview } from '@/components/console-overview/operator-overview';
import { overviewLists } from '@/lib/console-overview/live';
import { loadConsolePage } from '@/lib/console';
import { serverEnv } from '@/lib/env';
import { allOf } from '@/lib/live/protocol';

export default async function ConsoleOverview() {
  const { state } = await loadConsolePage(allOf(overviewLists));
  return (
    <HydrationBoundary state={state}>
      <OperatorOverview groupPrefix={serverEnv().STRATUS_OIDC_GROUP_PREFIX} />
    </HydrationBoundary>
  );
}
