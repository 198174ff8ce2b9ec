import { HydrationBoundary } from '@tanstack/react-query';

import { CreateLbForm } from '@/components/loadbalancers/create-lb-form';
import { PageNotice } from '@/components/resources/page-notice';
import { getT } from '@/lib/i18n/server';
import { loadLbFormPage, namespaceLabels } from '@/lib/loadbalancers/pages';
import { tenantHref } from '@/lib/navigation';
import { titled } from '@/lib/pages/title';

export const generateMetadata = titled('loadbalancers.create');

export default async function NewLoadBalancerPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<{ vm?: string }>;
}) {
  const { kube, tenant, state, can } = await loadLbFormPage((await params).tenant);
  const t = await getT();
  if (!can.create)
    return (
      <PageNotice
        title={t('loadbalancers.new.title')}
        message={t('loadbalancers.new.adminsOnly')}
        back={{ href: tenantHref(tenant.name, 'loadbalancers'), label: t('loadbalancers.all') }}
        testId="read-only"
      />
    );
  const vm = (await searchParams).vm;
  return (
    <HydrationBoundary state={state}>
      <CreateLbForm
        tenant={tenant}
        namespaceLabels={await namespaceLabels(kube, tenant.namespace)}
        vm={typeof vm === 'string' ? vm : undefined}
      />
    </HydrationBoundary>
  );
}
