import { HydrationBoundary } from '@tanstack/react-query';

import { PageNotice } from '@/components/resources/page-notice';
import { CreateVmForm } from '@/components/vms/create-vm-form';
import { getT } from '@/lib/i18n/server';
import { renderProblem } from '@/lib/k8s/errors';
import { tenantHref } from '@/lib/navigation';
import { loadTenantPage } from '@/lib/pages/tenant-page';
import { titled } from '@/lib/pages/title';
import { platformConfig } from '@/lib/platform/server';
import { vmFormOptions } from '@/lib/vms/pages';

export const generateMetadata = titled('vms.create');

export default async function NewVmPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { kube, tenant, state, can } = await loadTenantPage((await params).tenant, {
    lists: (ns) => [{ model: 'resourcequotas', namespace: ns }],
    can: { create: { verb: 'create', model: 'virtualmachines' } },
  });
  const t = await getT();
  const notice = (message: string, tone?: 'error') => (
    <PageNotice
      title={t('vms.new.title')}
      message={message}
      back={{ href: tenantHref(tenant.name, 'virtualmachines'), label: t('vms.all') }}
      testId={tone ? undefined : 'read-only'}
      tone={tone}
    />
  );
  if (!can.create) return notice(t('vms.new.adminsOnly'));
  const options = await vmFormOptions(kube);
  if (!options.ok) return notice(renderProblem(options.problem, t).message, 'error');
  return (
    <HydrationBoundary state={state}>
      <CreateVmForm
        tenant={tenant}
        vms={platformConfig().virtualMachines}
        instancetypes={options.instancetypes}
        preferences={options.preferences}
        storageClasses={options.storageClasses}
      />
    </HydrationBoundary>
  );
}
