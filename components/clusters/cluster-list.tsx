'use client';

import Link from 'next/link';

import { Age } from '@/components/ui/age';
import { ClusterBadge } from '@/components/clusters/cluster-badge';
import { TenantListPage } from '@/components/resources/list-page';
import { DataTable, type Column } from '@/components/resources/table/data-table';
import { useClusterSummaries } from '@/lib/clusters/use-clusters';
import type { ClusterSummary } from '@/lib/clusters/status';
import { useT } from '@/lib/i18n/client';
import type { Translate } from '@/lib/i18n/messages';
import { tenantHref } from '@/lib/navigation';
import type { Tenant } from '@/lib/tenants/types';

function columns(tenant: Tenant, t: Translate): Column<ClusterSummary>[] {
  return [
    {
      id: 'name',
      header: 'common.name',
      cell: (s) => (
        <>
          <Link
            className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
            href={tenantHref(tenant.name, 'clusters', s.name)}
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
    {
      id: 'phase',
      header: 'column.phase',
      cell: (s) => <ClusterBadge summary={s} />,
      sortValue: (s) => s.phase,
      filterValue: (s) => s.phase,
    },
    {
      id: 'control-plane',
      header: 'clusters.controlPlane',
      cell: (s) =>
        `${s.controlPlane.ready ? t('clusters.ready') : t('clusters.notReady')} · ${s.controlPlane.version ?? s.controlPlane.desiredVersion ?? '—'}`,
      sortValue: (s) => s.controlPlane.version ?? s.controlPlane.desiredVersion,
      filterValue: (s) => s.controlPlane.version,
    },
    {
      id: 'workers',
      header: 'clusters.workers',
      cell: (s) =>
        s.nodeGroups.map((g) => (
          <span key={g.name} className="block">
            {g.name} {g.ready}/{g.desired}
          </span>
        )),
      sortValue: (s) => s.workersDesired,
    },
    {
      id: 'endpoint',
      header: 'clusters.endpoint',
      cell: (s) => <span className="font-mono text-xs">{s.endpoint ?? '—'}</span>,
      filterValue: (s) => s.endpoint,
    },
    {
      id: 'age',
      header: 'common.age',
      cell: (s) => <Age at={s.createdAt} />,
      sortValue: (s) => s.createdAt,
    },
  ];
}

export function ClusterList({ tenant, canCreate }: { tenant: Tenant; canCreate: boolean }) {
  const t = useT();
  const { summaries, isLoading, partial, error } = useClusterSummaries(tenant.namespace);
  return (
    <TenantListPage
      tenant={tenant}
      title={t('nav.clusters')}
      create={{ href: tenantHref(tenant.name, 'clusters', 'new'), label: t('clusters.create') }}
      canCreate={canCreate}
      error={error}
    >
      <DataTable
        label={t('nav.clusters')}
        rows={summaries}
        columns={columns(tenant, t)}
        rowKey={(s) => s.name}
        rowName={(s) => s.name}
        isLoading={isLoading}
        partial={partial}
        empty={t('clusters.none')}
      />
    </TenantListPage>
  );
}
