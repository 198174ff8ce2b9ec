import { HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';

import { CreateClusterForm } from '@/components/clusters/create-cluster-form';
import { PageNotice } from '@/components/resources/page-notice';
import { supportedVersions } from '@/lib/clusters/server';
import { getT } from '@/lib/i18n/server';
import { problemOf, renderProblem } from '@/lib/k8s/errors';
import { models } from '@/lib/k8s/models';
import { msg } from '@/lib/i18n/messages';
import { tenantHref } from '@/lib/navigation';
import { loadTenantPage } from '@/lib/pages/tenant-page';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('clusters.create') };
}

export default async function NewClusterPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { kube, tenant, state, can } = await loadTenantPage((await params).tenant, {
    lists: (ns) => [{ model: 'resourcequotas', namespace: ns }],
    can: { create: { verb: 'create', model: 'clusters' } },
  });
  const t = await getT();
  const back = { href: tenantHref(tenant.name, 'clusters'), label: t('clusters.all') };
  if (!can.create)
    return (
      <PageNotice
        title={t('clusters.new.title')}
        message={t('clusters.new.adminsOnly')}
        back={back}
        testId="read-only"
      />
    );
  const classes = await kube.list(models.storageclasses).then(
    (l) => ({ ok: true as const, items: l.items }),
    (e: unknown) => ({ ok: false as const, e }),
  );
  if (!classes.ok) {
    const shown = renderProblem(
      problemOf(classes.e, {
        action: msg('action.see', { kinds: { key: 'model.storageclasses.plural', lower: true } }),
      }),
      t,
    );
    return (
      <PageNotice
        title={t('clusters.new.title')}
        message={shown.message}
        back={back}
        tone="error"
      />
    );
  }
  // The LINSTOR classes are the ones tenant disks may use.
  const storageClasses = classes.items
    .filter((c) => c.provisioner === 'linstor.csi.linbit.com')
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
