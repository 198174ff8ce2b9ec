'use client';

import Link from 'next/link';

import { Age } from '@/components/ui/age';
import { TenantListPage } from '@/components/resources/list-page';
import { DataTable, type Column } from '@/components/resources/table/data-table';
import { useT } from '@/lib/i18n/client';
import type { Translate } from '@/lib/i18n/messages';
import { portsText, type LbSummary } from '@/lib/loadbalancers/status';
import { useLbSummaries } from '@/lib/loadbalancers/use-lbs';
import { tenantHref } from '@/lib/navigation';
import type { Tenant } from '@/lib/tenants/types';

/** The address, or why there is none yet: pending, or MetalLB's refusal as a sentence. */
export function LbAddress({ s }: { s: LbSummary }) {
  const t = useT();
  if (s.ips.length) return <span className="font-mono text-xs">{s.ips.join(', ')}</span>;
  if (s.state === 'failed' && s.reason)
    return (
      <span className="text-xs text-red-700 dark:text-red-400" data-testid="lb-failed">
        {t('loadbalancers.failed', { reason: t(s.reason) })}
      </span>
    );
  return <span className="text-xs text-slate-500">{t('loadbalancers.pending')}</span>;
}

export const targetText = (t: Translate, s: LbSummary) =>
  s.target.kind === 'vm' ? t('loadbalancers.targetVm', { vm: s.target.vm }) : s.target.text;

export function lbColumns(
  t: Translate,
  hrefOf: (s: LbSummary) => string,
  opts: { tenantOf?: (s: LbSummary) => string } = {},
): Column<LbSummary>[] {
  return [
    {
      id: 'name',
      header: 'common.name',
      cell: (s) => (
        <Link
          className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
          href={hrefOf(s)}
        >
          {s.name}
        </Link>
      ),
      sortValue: (s) => s.name,
      filterValue: (s) => s.name,
    },
    ...(opts.tenantOf
      ? [
          {
            id: 'tenant',
            header: 'vms.column.tenant',
            cell: (s: LbSummary) => opts.tenantOf?.(s),
            sortValue: (s: LbSummary) => opts.tenantOf?.(s),
          } satisfies Column<LbSummary>,
        ]
      : []),
    {
      id: 'address',
      header: 'loadbalancers.column.address',
      cell: (s) => <LbAddress s={s} />,
      sortValue: (s) => s.ips[0],
      filterValue: (s) => `${s.ips.join(' ')} ${s.reason ? t(s.reason) : ''}`,
    },
    {
      id: 'ports',
      header: 'column.ports',
      cell: (s) => <span className="font-mono text-xs">{portsText(s.ports)}</span>,
      filterValue: (s) => portsText(s.ports),
    },
    {
      id: 'target',
      header: 'loadbalancers.column.target',
      cell: (s) => targetText(t, s),
      sortValue: (s) => targetText(t, s),
      filterValue: (s) => targetText(t, s),
    },
    {
      id: 'pool',
      header: 'loadbalancers.column.pool',
      cell: (s) => s.pool || '—',
      sortValue: (s) => s.pool,
      filterValue: (s) => s.pool,
    },
    {
      id: 'age',
      header: 'common.age',
      cell: (s) => <Age at={s.createdAt} />,
      sortValue: (s) => s.createdAt,
    },
  ];
}

export function LbList({ tenant, canCreate }: { tenant: Tenant; canCreate: boolean }) {
  const t = useT();
  const { summaries, isLoading, error } = useLbSummaries(tenant.namespace);
  return (
    <TenantListPage
      tenant={tenant}
      title={t('nav.loadBalancers')}
      create={{
        href: tenantHref(tenant.name, 'loadbalancers', 'new'),
        label: t('loadbalancers.create'),
      }}
      canCreate={canCreate}
      error={error}
    >
      <DataTable
        label={t('nav.loadBalancers')}
        rows={summaries}
        columns={lbColumns(t, (s) => tenantHref(tenant.name, 'loadbalancers', s.name))}
        rowKey={(s) => s.name}
        rowName={(s) => s.name}
        isLoading={isLoading}
        empty={t('loadbalancers.none')}
      />
    </TenantListPage>
  );
}
