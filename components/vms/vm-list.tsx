'use client';

import { useMemo } from 'react';
import Link from 'next/link';

import { Age } from '@/components/ui/age';
import { TenantListPage } from '@/components/resources/list-page';
import { DataTable, type Column } from '@/components/resources/table/data-table';
import { useT } from '@/lib/i18n/client';
import type { Translate } from '@/lib/i18n/messages';
import { tenantHref } from '@/lib/navigation';
import type { Tenant } from '@/lib/tenants/types';
import type { VmSummary } from '@/lib/vms/status';
import { useVmSummaries } from '@/lib/vms/use-vms';

import { VmBadge, vmStatusLabel } from './vm-badge';

/** The size as a person reads it: the instancetype, or its CPU and memory. */
export const sizeOf = (s: VmSummary) =>
  s.instancetype ?? [s.cpu ? `${s.cpu} CPU` : '', s.memory ?? ''].filter(Boolean).join(', ');

export function vmColumns(
  t: Translate,
  hrefOf: (s: VmSummary) => string,
  opts: { tenantOf?: (s: VmSummary) => string } = {},
): Column<VmSummary>[] {
  return [
    {
      id: 'name',
      header: 'common.name',
      cell: (s) => (
        <>
          <Link
            className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
            href={hrefOf(s)}
          >
            {s.name}
          </Link>
          <span className="block text-xs text-slate-500" data-column="summary">
            {t(s.summary)}
          </span>
        </>
      ),
      sortValue: (s) => s.name,
      filterValue: (s) => `${s.name} ${t(s.summary)}`,
    },
    ...(opts.tenantOf
      ? [
          {
            id: 'tenant',
            header: 'vms.column.tenant',
            cell: (s: VmSummary) => opts.tenantOf?.(s),
            sortValue: (s: VmSummary) => opts.tenantOf?.(s),
            filterValue: (s: VmSummary) => opts.tenantOf?.(s),
          } satisfies Column<VmSummary>,
        ]
      : []),
    {
      id: 'status',
      header: 'common.status',
      cell: (s) => <VmBadge summary={s} />,
      sortValue: (s) => s.status,
      filterValue: (s) => `${s.status} ${vmStatusLabel(t, s.status)}`,
    },
    {
      id: 'ip',
      header: 'vms.column.ip',
      cell: (s) => <span className="font-mono text-xs">{s.ips[0] ?? '—'}</span>,
      sortValue: (s) => s.ips[0],
      filterValue: (s) => s.ips.join(' '),
    },
    {
      id: 'node',
      header: 'column.node',
      cell: (s) => s.node ?? '—',
      sortValue: (s) => s.node,
      filterValue: (s) => s.node,
    },
    {
      id: 'size',
      header: 'vms.column.size',
      cell: (s) => sizeOf(s) || '—',
      sortValue: (s) => sizeOf(s),
      filterValue: (s) => sizeOf(s),
    },
    {
      id: 'age',
      header: 'common.age',
      cell: (s) => <Age at={s.createdAt} />,
      sortValue: (s) => s.createdAt,
    },
  ];
}

export function VmList({ tenant, canCreate }: { tenant: Tenant; canCreate: boolean }) {
  const t = useT();
  const { summaries, isLoading, partial, error } = useVmSummaries(tenant.namespace);
  const columns = useMemo(
    () => vmColumns(t, (s) => tenantHref(tenant.name, 'virtualmachines', s.name)),
    [t, tenant.name],
  );
  return (
    <TenantListPage
      tenant={tenant}
      title={t('nav.vms')}
      create={{ href: tenantHref(tenant.name, 'virtualmachines', 'new'), label: t('vms.create') }}
      canCreate={canCreate}
      error={error}
    >
      <DataTable
        label={t('nav.vms')}
        rows={summaries}
        columns={columns}
        rowKey={(s) => s.name}
        rowName={(s) => s.name}
        isLoading={isLoading}
        partial={partial}
        empty={t('vms.none')}
      />
    </TenantListPage>
  );
}
