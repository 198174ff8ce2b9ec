import { HydrationBoundary } from '@tanstack/react-query';

import { NodeList } from '@/components/nodes/node-list';
import { loadConsolePage } from '@/lib/console';
import { FIRST_PAGE } from '@/lib/live/prefetch';
import { allOf } from '@/lib/live/protocol';
import { nodeLists } from '@/lib/nodes/live';

export default async function ConsoleNodes() {
  // Node rows (projected) render from the HTML's first page; the stream brings the rest.
  const { state } = await loadConsolePage(allOf(nodeLists()), { firstPage: FIRST_PAGE });
  return (
    <HydrationBoundary state={state}>
      <NodeList />
    </HydrationBoundary>
  );
}
