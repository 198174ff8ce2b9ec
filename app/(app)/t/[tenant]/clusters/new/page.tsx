import { HydrationBoundary } from '@tanstack/react-query';

import { CreateClusterForm } from '@/components/clusters/create-cluster-form';
import { PageNotice } from '@/components/resources/page-notice';
import { linstorClasses } from '@/lib/clusters/pages';
import { supportedVersions } from '@/lib/clusters/server';
import { getT } from '@/lib/i18n/server';
import { renderProblem } from '@/lib/k8s/errors';
import { tenantHref } from '@/lib/navigation';
import { loadTenantPage } from '@/lib/pages/tenant-page';
import { titled } from '@/lib/pages/title';

export const generateMetadata = titled('clusters.create');

export default async function NewClusterPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { kube, tenant, state, can } = await loadTenantPage((await params).tenant, {
    lists: (ns) => [{ model: 'resourcequotas', namespace: ns }],
    can: { create: { verb: 'create', model: 'clusters' } },
  });
  const t = await getT();
  const notice = (message: string, tone?: 'error') => (
    <PageNotice
      title={t('clusters.new.title')}
      message={message}
      back={{ href: tenantHref(tenant.name, 'clusters'), label: t('clusters.all') }}
      testId={tone ? undefined : 'read-only'}
      tone={tone}
    />
  );
  if (!can.create) return notice(t('clusters.new.adminsOnly'));
  const classes = await linstorClasses(kube);
  if (!classes.ok) return notice(renderProblem(classes.problem, t).message, 'error');
  return (
    <HydrationBoundary state={state}>
      <CreateClusterForm
        tenant={tenant}
        versions={supportedVersions()}
        storageClasses={classes.names}
      />
    </HydrationBoundary>
  );
}
