import { StorageConsole } from '@/components/volumes/storage-console';
import { requireOperator } from '@/lib/console';
import { titled } from '@/lib/pages/title';
import { serverEnv } from '@/lib/env';

export const generateMetadata = titled('console.storage');

export default async function ConsoleStorage() {
  await requireOperator();
  return <StorageConsole tenantPrefix={serverEnv().STRATUS_TENANT_NAMESPACE_PREFIX} />;
}
