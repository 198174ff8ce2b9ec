'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';

import { Age } from '@/components/ui/age';
import { DataTable, type Column } from '@/components/resources/table/data-table';
import { useT } from '@/lib/i18n/client';
import type { Translate } from '@/lib/i18n/messages';
import {
  countReleases,
  filterReleases,
  groupReleases,
  namespacesOf,
  sortReleases,
} from '@/lib/releases/filter';
import { releaseStates, type ReleaseState, type ReleaseSummary } from '@/lib/releases/status';

import { ReleaseBadge } from './release-badge';
import { useReleaseSummaries } from './use-releases';

export const releaseHref = (r: Pick<ReleaseSummary, 'namespace' | 'name'>) =>
  `/console/releases/${r.namespace}/${r.name}`;

function columns(t: Translate): Column<ReleaseSummary>[] {
  return [
    {
      id: 'name',
      header: 'common.name',
      cell: (r) => (
        <>
          <Link
            className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
            href={releaseHref(r)}
          >
            {r.name}
          </Link>
          <span className="block text-xs text-slate-500">{r.namespace}</span>
        </>
      ),
    },
    { id: 'state', header: 'common.status', cell: (r) => <ReleaseBadge state={r.state} /> },
    {
      id: 'chart',
      header: 'releases.column.chart',
      cell: (r) => (r.version ? `${r.chart}@${r.version}` : r.chart),
    },
    {
      id: 'revision',
      header: 'releases.column.revision',
      cell: (r) =>
        r.attemptedRevision && r.attemptedRevision !== r.appliedRevision
          ? t('releases.revision.attempted', {
              applied: r.appliedRevision ?? '—',
              attempted: r.attemptedRevision,
            })
          : (r.appliedRevision ?? '—'),
    },
    {
      id: 'message',
      header: 'column.message',
      className: 'max-w-md',
      cell: (r) => (
        <span className="line-clamp-2 text-xs" title={r.message}>
          {r.state === 'suspended'
            ? t('releases.suspendedBy', { who: r.suspendedBy ?? t('releases.someone') })
            : (r.message ?? '')}
        </span>
      ),
    },
    {
      id: 'reconciled',
      header: 'releases.column.reconciled',
      cell: (r) => <Age at={r.lastReconcile} />,
    },
  ];
}

const selectCls =
  'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950';

/** Every HelmRelease: counts, failures first, filters, tenant add-ons grouped by cluster. */
export function ReleaseList({ tenantPrefix }: { tenantPrefix: string }) {
  const t = useT();
  const { rows, isLoading, error } = useReleaseSummaries(tenantPrefix);
  const [namespace, setNamespace] = useState('');
  const [state, setState] = useState<ReleaseState | ''>('');
  const [text, setText] = useState('');
  const counts = useMemo(() => countReleases(rows), [rows]);
  const namespaces = useMemo(() => namespacesOf(rows), [rows]);
  const groups = useMemo(
    () =>
      groupReleases(
        sortReleases(
          filterReleases(rows, {
            namespace: namespace || undefined,
            state: state || undefined,
            text,
          }),
        ),
      ),
    [rows, namespace, state, text],
  );
  const cols = useMemo(() => columns(t), [t]);
  const shown = groups.reduce((n, g) => n + g.rows.length, 0);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('console.releases')}</h1>
      <div className="flex flex-wrap gap-3" role="group" aria-label={t('releases.counts')}>
        {releaseStates.map((s) => (
          <button
            key={s}
            type="button"
            data-testid={`count-${s}`}
            aria-pressed={state === s}
            onClick={() => setState(state === s ? '' : s)}
            className="rounded-lg border border-slate-200 bg-white px-4 py-2 text-left dark:border-slate-800 dark:bg-slate-900"
          >
            <span className="block text-2xl font-semibold" data-testid="count">
              {counts[s]}
            </span>
            <span className="text-xs text-slate-500">{t(`releases.state.${s}`)}</span>
          </button>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <input
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label={t('releases.filter.text')}
          placeholder={t('table.filterPlaceholder')}
          className="w-full max-w-xs rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950"
        />
        <select
          aria-label={t('releases.filter.namespace')}
          value={namespace}
          onChange={(e) => setNamespace(e.target.value)}
          className={selectCls}
        >
          <option value="">{t('releases.filter.allNamespaces')}</option>
          {namespaces.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <select
          aria-label={t('releases.filter.state')}
          value={state}
          onChange={(e) => setState(releaseStates.find((s) => s === e.target.value) ?? '')}
          className={selectCls}
        >
          <option value="">{t('releases.filter.allStates')}</option>
          {releaseStates.map((s) => (
            <option key={s} value={s}>
              {t(`releases.state.${s}`)}
            </option>
          ))}
        </select>
        <span
          aria-live="polite"
          className="text-xs text-slate-500"
          data-testid="shown"
          data-shown={shown}
          data-total={rows.length}
        >
          {t('table.count', { shown, total: rows.length })}
        </span>
      </div>
      {error ? (
        <p role="alert">{error.message}</p>
      ) : isLoading ? (
        <DataTable
          label=""
          rows={[]}
          columns={cols}
          rowKey={() => ''}
          rowName={() => ''}
          isLoading
        />
      ) : !shown ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-10 text-center text-sm text-slate-500">
          {rows.length ? t('table.noMatch') : t('releases.none')}
        </p>
      ) : (
        groups.map((g) => {
          const title = g.key
            ? t('releases.group.tenant', { tenant: g.tenant ?? '', cluster: g.cluster ?? '' })
            : t('releases.group.platform');
          return (
            <section
              key={g.key}
              className="space-y-2"
              data-testid="release-group"
              data-group={g.key}
            >
              <h2 className="text-lg font-medium">{title}</h2>
              <DataTable
                label={title}
                rows={g.rows}
                columns={cols}
                rowKey={(r) => `${r.namespace}/${r.name}`}
                rowName={(r) => r.name}
                initialSort={null}
                filterable={false}
              />
            </section>
          );
        })
      )}
    </div>
  );
}
