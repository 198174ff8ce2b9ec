'use client';

import Link from 'next/link';

import { ResourceTableSkeleton } from '@/components/resources/resource-table';
import { age } from '@/lib/format';
import { useClusterSummaries } from '@/lib/clusters/use-clusters';
import { useT } from '@/lib/i18n/client';
import type { Tenant } from '@/lib/tenants/types';

export function PhaseBadge({ phase, ready }: { phase: string; ready?: boolean }) {
  const tone =
    ready || phase === 'Provisioned'
      ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200'
      : phase === 'Failed'
        ? 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200'
        : 'bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200';
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${tone}`}>{phase}</span>;
}

export function ClusterList({ tenant, canCreate }: { tenant: Tenant; canCreate: boolean }) {
  const t = useT();
  const { summaries, isLoading, error } = useClusterSummaries(tenant.namespace);
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href={`/t/${tenant.name}`}>{tenant.displayName}</Link> /{' '}
        <span aria-current="page">{t('nav.clusters')}</span>
      </nav>
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{t('nav.clusters')}</h1>
        {canCreate && (
          <Link
            href={`/t/${tenant.name}/clusters/new`}
            className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
          >
            {t('clusters.create')}
          </Link>
        )}
      </div>
      {!canCreate && (
        <p className="text-sm text-slate-500" data-testid="read-only">
          {t('common.readOnly')}
        </p>
      )}
      {error ? (
        <p role="alert">{error.message}</p>
      ) : isLoading ? (
        <ResourceTableSkeleton />
      ) : summaries.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-10 text-center text-sm text-slate-500 dark:border-slate-700">
          {t('clusters.none')}
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-left text-sm" aria-label={t('nav.clusters')}>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-500 uppercase dark:border-slate-800 dark:bg-slate-900/60">
              <tr>
                {[
                  t('common.name'),
                  t('clusters.phase'),
                  t('clusters.controlPlane'),
                  t('clusters.workers'),
                  t('clusters.endpoint'),
                  t('common.age'),
                ].map((h) => (
                  <th key={h} scope="col" className="px-4 py-2">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {summaries.map((s) => (
                <tr
                  key={s.name}
                  data-testid="resource-row"
                  data-name={s.name}
                  className="border-b border-slate-100 last:border-0 dark:border-slate-800"
                >
                  <td className="px-4 py-2 font-medium">
                    <Link
                      className="text-indigo-600 hover:underline dark:text-indigo-400"
                      href={`/t/${tenant.name}/clusters/${s.name}`}
                    >
                      {s.name}
                    </Link>
                    <span className="block text-xs text-slate-500" data-column="summary">
                      {s.summary}
                    </span>
                  </td>
                  <td className="px-4 py-2" data-column="phase">
                    <PhaseBadge phase={s.phase} ready={s.ready} />
                  </td>
                  <td className="px-4 py-2" data-column="control-plane">
                    {s.controlPlane.ready ? t('clusters.ready') : t('clusters.notReady')} ·{' '}
                    {s.controlPlane.version ?? s.controlPlane.desiredVersion ?? '—'}
                  </td>
                  <td className="px-4 py-2" data-column="workers">
                    {s.nodeGroups.map((g) => (
                      <span key={g.name} className="block">
                        {g.name} {g.ready}/{g.desired}
                      </span>
                    ))}
                  </td>
                  <td className="px-4 py-2 font-mono text-xs">{s.endpoint ?? '—'}</td>
                  <td className="px-4 py-2">{age(s.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
