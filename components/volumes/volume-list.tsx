'use client';

import Link from 'next/link';

import { Age } from '@/components/ui/age';
import { FormAlert } from '@/components/forms/form-alert';
import { TenantListPage } from '@/components/resources/list-page';
import { DataTable, type Column } from '@/components/resources/table/data-table';
import { useT } from '@/lib/i18n/client';
import type { Translate } from '@/lib/i18n/messages';
import { tenantHref } from '@/lib/navigation';
import type { Tenant } from '@/lib/tenants/types';
import type { VolumeHealth } from '@/lib/volumes/server';
import type { VolumeSummary } from '@/lib/volumes/status';
import { useVolumeHealth, useVolumeSummaries } from '@/lib/volumes/use-volumes';

import { ReplicaMarks } from './replica-marks';

export function phaseLabel(t: Translate, phase: string): string {
  const key = `volumes.phase.${phase}`;
  return t.has(key) ? t(key) : phase;
}

function columns(
  t: Translate,
  tenant: Tenant,
  health: VolumeHealth | undefined,
): Column<VolumeSummary>[] {
  const of = (v: VolumeSummary) => (health?.ok ? health.volumes[v.name] : undefined);
  return [
    {
      id: 'name',
      header: 'common.name',
      cell: (v) => (
        <Link
          className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
          href={tenantHref(tenant.name, 'volumes', v.name)}
        >
          {v.name}
        </Link>
      ),
      sortValue: (v) => v.name,
      filterValue: (v) => v.name,
    },
    {
      id: 'status',
      header: 'common.status',
      cell: (v) => (
        <span data-testid="volume-phase">
          {phaseLabel(t, v.phase)}
          {v.resizing ? ` · ${t('volumes.mark.resizing')}` : ''}
        </span>
      ),
      sortValue: (v) => v.phase,
      filterValue: (v) => `${v.phase} ${phaseLabel(t, v.phase)}`,
    },
    {
      id: 'capacity',
      header: 'volumes.column.capacity',
      cell: (v) => <span data-testid="volume-capacity">{v.capacity ?? v.requested ?? '—'}</span>,
      sortValue: (v) => v.capacity ?? v.requested,
    },
    {
      id: 'class',
      header: 'column.storageClass',
      cell: (v) => v.storageClass ?? '—',
      sortValue: (v) => v.storageClass,
      filterValue: (v) => v.storageClass,
    },
    {
      id: 'replicas',
      header: 'volumes.column.replicas',
      cell: (v) => <ReplicaMarks volume={v} health={of(v)} unavailable={health?.ok === false} />,
      sortValue: (v) => of(v)?.upToDate,
    },
    {
      id: 'usedBy',
      header: 'volumes.column.usedBy',
      cell: (v) =>
        v.usedBy.length
          ? v.usedBy.map((vm, i) => (
              <span key={vm}>
                {i > 0 && ', '}
                <Link
                  className="text-indigo-600 hover:underline dark:text-indigo-400"
                  href={tenantHref(tenant.name, 'virtualmachines', vm)}
                >
                  {vm}
                </Link>
              </span>
            ))
          : '—',
      filterValue: (v) => v.usedBy.join(' '),
    },
    {
      id: 'mode',
      header: 'volumes.column.mode',
      cell: (v) => v.volumeMode,
    },
    {
      id: 'age',
      header: 'common.age',
      cell: (v) => <Age at={v.createdAt} />,
      sortValue: (v) => v.createdAt,
    },
  ];
}

export function VolumeList({ tenant, canCreate }: { tenant: Tenant; canCreate: boolean }) {
  const t = useT();
  const { summaries, isLoading, partial, error } = useVolumeSummaries(tenant.namespace);
  const { health } = useVolumeHealth(tenant.namespace, undefined, summaries);
  return (
    <TenantListPage
      tenant={tenant}
      title={t('nav.volumes')}
      create={{ href: tenantHref(tenant.name, 'volumes', 'new'), label: t('volumes.create') }}
      canCreate={canCreate}
      error={error}
    >
      {health && !health.ok && (
        <div data-testid="health-unavailable">
          <FormAlert message={t('volumes.health.unavailable', { reason: t(health.reason) })} />
        </div>
      )}
      <DataTable
        label={t('nav.volumes')}
        rows={summaries}
        columns={columns(t, tenant, health)}
        rowKey={(v) => v.name}
        rowName={(v) => v.name}
        isLoading={isLoading}
        partial={partial}
        empty={t('volumes.none')}
      />
    </TenantListPage>
  );
}
