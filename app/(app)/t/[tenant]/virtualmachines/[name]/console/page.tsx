import { VmConsole } from '@/components/vms/console/vm-console';
import { loadVmConsolePage } from '@/lib/consoles/pages';

export default async function VmConsolePage({
  params,
}: {
  params: Promise<{ tenant: string; name: string }>;
}) {
  const { tenant: tenantName, name } = await params;
  const { tenant, can } = await loadVmConsolePage(tenantName);
  return <VmConsole tenant={tenant} name={name} can={can} />;
}
