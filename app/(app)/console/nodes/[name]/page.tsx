import { HydrationBoundary } from '@tanstack/react-query';

import { NodeDetail } from '@/components/nodes/node-detail';
import { loadConsolePage } from '@/lib/console';
import { serverEnv } from '@/lib/env';
import { allOf } from '@/lib/live/protocol';
import { nodeDetailLists } from '@/lib/nodes/live';

export default async function ConsoleNode({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const node = decodeURIComponent(name);
  const { state } = await loadConsolePage(allOf(nodeDetailLists(node)));
  return (
    <HydrationBoundary state={state}>
      <NodeDetail name={node} tenantPrefix={serverEnv().STRATUS_TENANT_NAMESPACE_PREFIX} />
    </HydrationBoundary>
  );
}
