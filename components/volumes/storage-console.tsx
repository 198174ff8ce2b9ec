'use client';

import { FormAlert } from '@/components/forms/form-alert';
import { Section } from '@/components/resources/detail/section';
import { DataTable, type Column } from '@/components/resources/table/data-table';
import { useT } from '@/lib/i18n/client';
import { formatKiB, type PoolUsage } from '@/lib/linstor/health';
import { tenantHref } from '@/lib/navigation';
import { useStorageOverview } from '@/lib/volumes/use-storage';
import type { DegradedVolume } from '@/lib/volumes/server';

import { PoolChart } from './pool-chart';
import { ReplicaMarks } from './replica-marks';

/** Operators: LINSTOR pools per node (a chart and a table) and degraded volumes of all tenants. */
export function StorageConsole({ tenantPrefix }: { tenantPrefix: string }) {
  const t = useT();
  const q = useStorageOverview();
  const data = q.data;
  const tenantOf = (ns: string) =>
    ns.startsWith(tenantPrefix) ? ns.slice(tenantPrefix.length) : ns;
  const poolColumns: Column<PoolUsage>[] = [
    { id: 'node', header: 'console.storage.node', cell: (p) => p.node, sortValue: (p) => p.node },
    { id: 'pool', header: 'console.storage.pool', cell: (p) => p.pool },
    {
      id: 'status',
      header: 'console.storage.status',
      cell: (p) => (data?.ok ? (data.nodes[p.node] ?? '—') : '—'),
    },
    {
      id: 'total',
      header: 'console.storage.total',
      cell: (p) => formatKiB(p.totalKiB),
      sortValue: (p) => p.totalKiB,
    },
    {
      id: 'free',
      header: 'console.storage.free',
      cell: (p) => formatKiB(p.freeKiB),
      sortValue: (p) => p.freeKiB,
    },
    {
      id: 'used',
      header: 'console.storage.used',
      cell: (p) =>
        p.used === undefined ? t('console.storage.noCapacity') : `${Math.round(p.used * 100)}%`,
      sortValue: (p) => p.used,
    },
  ];
  const degradedColumns: Column<DegradedVolume>[] = [
    {
      id: 'tenant',
      header: 'console.storage.tenant',
      cell: (d) => tenantOf(d.namespace),
      sortValue: (d) => d.namespace,
      filterValue: (d) => d.namespace,
    },
    {
      id: 'claim',
      header: 'console.storage.claim',
      cell: (d) =>
        d.namespace.startsWith(tenantPrefix) ? (
          <a
            className="text-indigo-600 hover:underline dark:text-indigo-400"
            href={tenantHref(tenantOf(d.namespace), 'volumes', d.claim)}
          >
            {d.claim}
          </a>
        ) : (
          d.claim
        ),
      sortValue: (d) => d.claim,
      filterValue: (d) => d.claim,
    },
    {
      id: 'resource',
      header: 'console.storage.resource',
      cell: (d) => <span className="font-mono text-xs">{d.health.resource}</span>,
    },
    {
      id: 'replicas',
      header: 'volumes.column.replicas',
      cell: (d) => (
        <ReplicaMarks
          volume={{ pvName: d.health.resource }}
          health={d.health}
          unavailable={false}
        />
      ),
    },
    {
      id: 'nodes',
      header: 'console.storage.node',
      cell: (d) =>
        d.health.replicas
          .filter((r) => r.diskful)
          .map((r) => `${r.node}: ${r.diskState}`)
          .join(', '),
    },
  ];
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">{t('console.storage')}</h1>
      {q.error && (
        <div data-testid="health-unavailable">
          <FormAlert message={q.error.message} />
        </div>
      )}
      {data && !data.ok && (
        <div data-testid="health-unavailable">
          <FormAlert message={t('console.storage.unavailable', { reason: t(data.reason) })} />
        </div>
      )}
      <Section title={t('console.storage.pools')}>
        {data?.ok && <PoolChart pools={data.pools} />}
        <DataTable
          label={t('console.storage.pools')}
          rows={data?.ok ? data.pools : []}
          columns={poolColumns}
          rowKey={(p) => `${p.node}/${p.pool}`}
          rowName={(p) => `${p.node} ${p.pool}`}
          rowTestId="pool-row"
          isLoading={q.isLoading}
          filterable={false}
          initialSort={null}
          empty={t('volumes.replicas.noneRows')}
        />
      </Section>
      <Section title={t('console.storage.degraded')}>
        <DataTable
          label={t('console.storage.degraded')}
          rows={data?.ok ? data.degraded : []}
          columns={degradedColumns}
          rowKey={(d) => `${d.namespace}/${d.claim}`}
          rowName={(d) => d.claim}
          rowTestId="degraded-row"
          isLoading={q.isLoading}
          empty={t('console.storage.noneDegraded')}
        />
      </Section>
    </div>
  );
}
