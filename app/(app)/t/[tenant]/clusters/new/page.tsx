import { HydrationBoundary } from '@tanstack/react-query';

import { CreateClusterForm } from '@/components/clusters/create-cluster-form';
import { PageNotice } from '@/components/resources/page-notice';
import { clusterInstancetypes, linstorClasses } from '@/lib/clusters/pages';
import { getT } from '@/lib/i18n/server';
import { renderProblem } from '@/lib/k8s/errors';
import { tenantHref } from '@/lib/navigation';
import { loadTenantPage } from '@/lib/pages/tenant-page';
import { titled } from '@/lib/pages/title';
import { platformConfig } from '@/lib/platform/server';

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
  const [classes, types] = await Promise.all([linstorClasses(kube), clusterInstancetypes(kube)]);
  if (!classes.ok) return notice(renderProblem(classes.problem, t).message, 'error');
  if (!types.ok) return notice(renderProblem(types.problem, t).message, 'error');
  // The platform configuration holds no secret: the browser builds the exact preview from it.
  return (
    <HydrationBoundary state={state}>
      <CreateClusterForm
        tenant={tenant}
        platform={platformConfig()}
        instancetypes={types.value}
        storageClasses={classes.value}
      />
    </HydrationBoundary>
  );
}
