import { HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';

import { CreateClusterForm } from '@/components/clusters/create-cluster-form';
import { supportedVersions } from '@/lib/clusters/server';
import { getT } from '@/lib/i18n/server';
import { canI } from '@/lib/k8s/access';
import { models } from '@/lib/k8s/models';
import { prefetchLists } from '@/lib/live/prefetch';
import { tenantFromRoute } from '@/lib/tenants/resolve';

export const metadata: Metadata = { title: 'Create cluster' };

export default async function NewClusterPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { kube, tenant } = await tenantFromRoute((await params).tenant);
  const [canCreate] = await canI(kube, [
    { verb: 'create', model: models.clusters, namespace: tenant.namespace },
  ]);
  if (!canCreate) {
    const t = await getT();
    return (
      <p data-testid="read-only" className="text-slate-600 dark:text-slate-300">
        {t('common.readOnly')}
      </p>
    );
  }
  const [classes, state] = await Promise.all([
    kube.list(models.storageclasses).catch(() => ({ items: [] })),
    prefetchLists(kube, [{ model: 'resourcequotas', namespace: tenant.namespace }]),
  ]);
  // The LINSTOR classes are the ones tenant disks may use.
  const storageClasses = classes.items
    .filter((c) => (c as { provisioner?: string }).provisioner === 'linstor.csi.linbit.com')
    .map((c) => c.metadata?.name ?? '')
    .sort();
  return (
    <HydrationBoundary state={state}>
      <CreateClusterForm
        tenant={tenant}
        versions={supportedVersions()}
        storageClasses={storageClasses}
      />
    </HydrationBoundary>
  );
}
