import { HydrationBoundary } from '@tanstack/react-query';

import { OperatorVmList } from '@/components/vms/operator-vm-list';
import { allOf } from '@/lib/live/protocol';
import { loadConsolePage } from '@/lib/console';
import { serverEnv } from '@/lib/env';
import { vmLists } from '@/lib/vms/live';

export default async function ConsoleVms() {
  const { state } = await loadConsolePage(allOf(vmLists(undefined)));
  return (
    <HydrationBoundary state={state}>
      <OperatorVmList tenantPrefix={serverEnv().STRATUS_TENANT_NAMESPACE_PREFIX} />
    </HydrationBoundary>
  );
}
