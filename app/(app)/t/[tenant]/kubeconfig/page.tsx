import { HydrationBoundary } from '@tanstack/react-query';

import { ConsoleList } from '@/components/console/console-list';
import { getT } from '@/lib/i18n/server';
import { prefetchLists } from '@/lib/live/prefetch';
import { tenantFromRoute } from '@/lib/tenants/resolve';

// The download flow arrives with the tenant-clusters issue; this lists the clusters it will serve.
export default async function KubeconfigPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { kube, tenant } = await tenantFromRoute((await params).tenant);
  const t = await getT();
  const state = await prefetchLists(kube, [{ model: 'clusters', namespace: tenant.namespace }]);
  return (
    <HydrationBoundary state={state}>
      <p className="mb-4 text-sm text-slate-500">{t('kubeconfig.intro')}</p>
      <ConsoleList model="clusters" namespace={tenant.namespace} title={t('kubeconfig.title')} />
    </HydrationBoundary>
  );
}
