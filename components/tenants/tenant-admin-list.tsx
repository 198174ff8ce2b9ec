'use client';

import Link from 'next/link';
import { useMemo } from 'react';

import { DeleteDialog } from '@/components/resources/detail/delete-dialog';
import { DataTable, type Column } from '@/components/resources/table/data-table';
import { StatusBadge } from '@/components/resources/table/status-badge';
import { useT } from '@/lib/i18n/client';
import type { Translate } from '@/lib/i18n/messages';
import { tenantHref } from '@/lib/navigation';
import { offboardTenant, previewOffboard } from '@/lib/tenants/admin-actions';
import { NEAR_QUOTA, type TenantRow } from '@/lib/tenants/admin-rows';

import { OnboardDialog } from './onboard-dialog';
import { QuotaDialog } from './quota-dialog';
import { useTenantRows } from './use-tenant-rows';

function QuotaBars({ row }: { row: TenantRow }) {
  const t = useT();
  if (!row.quota.length)
    return <span className="text-xs text-slate-500">{t('tenants.noQuota')}</span>;
  return (
    <ul className="w-64 space-y-1">
      {row.quota.map((q) => {
        const pct = Math.round((q.ratio ?? 0) * 100);
        const label = t('tenants.quotaLine', {
          label: q.label,
          used: q.usedText,
          hard: q.hardText,
        });
        return (
          <li
            key={q.resource}
            className="text-xs"
            data-testid="quota-line"
            data-resource={q.resource}
          >
            <span>{label}</span>
            <div
              role="meter"
              aria-label={label}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={pct}
              className="h-1.5 rounded bg-slate-200 dark:bg-slate-800"
            >
              <div
                className={`h-1.5 rounded ${(q.ratio ?? 0) >= NEAR_QUOTA ? 'bg-red-600' : 'bg-indigo-600'}`}
                style={{ width: `${pct}%` }}
              />
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function columns(t: Translate, can: { quota: boolean; offboard: boolean }): Column<TenantRow>[] {
  return [
    {
      id: 'tenant',
      header: 'tenants.column.tenant',
      cell: (r) => (
        <>
          <Link className="font-medium text-indigo-600 hover:underline" href={tenantHref(r.name)}>
            {r.displayName}
          </Link>
          <span className="block text-xs text-slate-500">{r.namespace}</span>
          {r.terminating && <StatusBadge tone="warn">{t('tenants.terminating')}</StatusBadge>}
        </>
      ),
      sortValue: (r) => r.name,
      filterValue: (r) => `${r.name} ${r.displayName}`,
    },
    {
      id: 'quota',
      header: 'tenants.column.quota',
      cell: (r) => <QuotaBars row={r} />,
      sortValue: (r) => r.fullest,
    },
    {
      id: 'members',
      header: 'tenants.column.members',
      cell: (r) => (
        <span className="text-xs">
          {t('tenants.admins', { groups: r.admins.join(', ') || t('tenants.nobody') })}
          <span className="block">
            {t('tenants.viewers', { groups: r.viewers.join(', ') || t('tenants.nobody') })}
          </span>
          {r.pools.length > 0 && (
            <span className="block">{t('tenants.pools', { pools: r.pools.join(', ') })}</span>
          )}
        </span>
      ),
      filterValue: (r) => [...r.admins, ...r.viewers].join(' '),
    },
    {
      id: 'counts',
      header: 'tenants.column.counts',
      cell: (r) => <span className="text-xs">{t('tenants.counts', r.counts)}</span>,
    },
    {
      id: 'actions',
      header: 'tenants.column.actions',
      cell: (r) =>
        r.terminating ? null : (
          <div className="flex flex-wrap gap-2">
            {can.quota && <QuotaDialog row={r} />}
            {can.offboard && (
              <DeleteDialog
                name={r.name}
                kindLabel={t('tenants.offboard.kind')}
                confirmLabel={t('tenants.offboard')}
                intro={t('tenants.offboard.intro')}
                preview={() => previewOffboard({ tenant: r.name })}
                remove={(typed) => offboardTenant({ tenant: r.name, confirm: typed })}
                onDeleted={() => undefined}
              />
            )}
          </div>
        ),
    },
  ];
}

/** All tenants for operators: quota bars, members, what they run; onboard, re-quota, offboard. */
export function TenantAdminList({
  groupPrefix,
  can,
}: {
  groupPrefix: string;
  can: { onboard: boolean; quota: boolean; offboard: boolean };
}) {
  const t = useT();
  const { rows, pools, isLoading, error } = useTenantRows(groupPrefix);
  const cols = useMemo(() => columns(t, can), [t, can]);
  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{t('tenants.title')}</h1>
        {can.onboard && <OnboardDialog pools={pools} />}
      </div>
      {error ? (
        <p role="alert">{error.message}</p>
      ) : (
        <DataTable
          label={t('tenants.title')}
          rows={rows}
          columns={cols}
          rowKey={(r) => r.namespace}
          rowName={(r) => r.name}
          isLoading={isLoading}
          empty={t('tenants.none')}
        />
      )}
    </div>
  );
}
