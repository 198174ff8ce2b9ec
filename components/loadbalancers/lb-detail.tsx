'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';

import { FormAlert } from '@/components/forms/form-alert';
import { Breadcrumbs, tenantCrumbs } from '@/components/resources/detail/breadcrumbs';
import { DeleteDialog } from '@/components/resources/detail/delete-dialog';
import { DetailHeader } from '@/components/resources/detail/detail-header';
import { EventsTable } from '@/components/resources/detail/events-table';
import { Section } from '@/components/resources/detail/section';
import { SummaryGrid } from '@/components/resources/detail/summary-grid';
import { YamlButton } from '@/components/resources/detail/yaml-dialog';
import { useToast } from '@/components/ui/toast';
import { useT } from '@/lib/i18n/client';
import { deleteLoadBalancer } from '@/lib/loadbalancers/actions';
import { lbDetailLists, lbLists } from '@/lib/loadbalancers/live';
import { isLoadBalancer, lbSummary, portsText } from '@/lib/loadbalancers/status';
import { useLiveList, useLiveObject } from '@/lib/live/use-live-list';
import { tenantHref } from '@/lib/navigation';
import type { Tenant } from '@/lib/tenants/types';

import { EditPorts } from './edit-ports';
import { LbAddress, targetText } from './lb-list';

export function LbDetail({
  tenant,
  name,
  can,
}: {
  tenant: Tenant;
  name: string;
  can: { change: boolean; delete: boolean };
}) {
  const t = useT();
  const toast = useToast();
  const router = useRouter();
  const ns = tenant.namespace;
  const lists = lbDetailLists(ns, name);
  const svc = useLiveObject({ model: 'services', namespace: ns, name });
  const failures = useLiveList(lbLists(ns).failures);
  const listHref = tenantHref(tenant.name, 'loadbalancers');
  const crumbs = (
    <Breadcrumbs
      items={tenantCrumbs(
        tenant,
        { label: t('nav.loadBalancers'), href: listHref },
        { label: name },
      )}
    />
  );
  if (svc.error)
    return (
      <div className="space-y-4">
        {crumbs}
        <FormAlert message={svc.error.message} />
      </div>
    );
  if (svc.isLoading) return <p>{t('common.loading')}</p>;
  if (!svc.object || !isLoadBalancer(svc.object))
    return (
      <div className="space-y-4" data-testid="gone">
        {crumbs}
        <h1 className="text-2xl font-semibold">{name}</h1>
        <p className="text-slate-500">{t('loadbalancers.gone')}</p>
        <Link className="text-indigo-600" href={listHref}>
          {t('loadbalancers.all')}
        </Link>
      </div>
    );
  const s = lbSummary(svc.object, failures.items);
  const targetHref =
    s.target.kind === 'vm' ? tenantHref(tenant.name, 'virtualmachines', s.target.vm) : undefined;
  return (
    <div className="space-y-8">
      {crumbs}
      <DetailHeader
        title={name}
        actions={
          <>
            <YamlButton object={svc.object} />
            {can.delete && !svc.object.metadata?.deletionTimestamp && (
              <DeleteDialog
                name={name}
                kindLabel={t({ key: 'loadbalancers.one', lower: true })}
                intro={t('loadbalancers.delete.intro')}
                remove={(confirm) => deleteLoadBalancer({ namespace: ns, name, confirm })}
                onDeleted={() => {
                  toast('success', t('loadbalancers.delete.done', { name }));
                  router.push(listHref);
                }}
              />
            )}
          </>
        }
      />
      <SummaryGrid
        items={[
          {
            id: 'address',
            label: t('loadbalancers.column.address'),
            value: (
              <span data-testid="lb-address">
                <LbAddress s={s} />
              </span>
            ),
          },
          { id: 'pool', label: t('loadbalancers.column.pool'), value: s.pool || '—' },
          {
            id: 'target',
            label: t('loadbalancers.column.target'),
            value: targetHref ? (
              <Link className="text-indigo-600" href={targetHref}>
                {targetText(t, s)}
              </Link>
            ) : (
              targetText(t, s)
            ),
          },
          {
            id: 'sharing',
            label: t('loadbalancers.new.sharingKey'),
            value: s.sharingKey || '—',
          },
        ]}
      />
      <Section title={t('loadbalancers.ports')}>
        <div className="space-y-4">
          <p className="font-mono text-sm" data-testid="lb-ports">
            {portsText(s.ports)}
          </p>
          {can.change && <EditPorts namespace={ns} name={name} ports={s.ports} />}
        </div>
      </Section>
      <Section title={t('clusters.events')}>
        <EventsTable sub={lists.events} />
      </Section>
    </div>
  );
}
