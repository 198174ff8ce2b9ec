import { HydrationBoundary } from '@tanstack/react-query';

import { OperatorVmList } from '@/components/vms/operator-vm-list';
import { allOf } from '@/lib/live/protocol';
import { loadConsolePage } from '@/lib/console';
import { FIRST_PAGE } from '@/lib/live/prefetch';
import { serverEnv } from '@/lib/env';
import { vmLists } from '@/lib/vms/live';

export default async function ConsoleVms() {
  // Thousands of VMs: the first page renders from the HTML, the stream brings the rest.
  const { state } = await loadConsolePage(allOf(vmLists(undefined)), { firstPage: FIRST_PAGE });
  return (
    <HydrationBoundary state={state}>
      <OperatorVmList tenantPrefix={serverEnv().STRATUS_TENANT_NAMESPACE_PREFIX} />
    </HydrationBoundary>
  );
}
