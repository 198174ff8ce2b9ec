'use client';

import Link from 'next/link';

import { WithAge } from '@/components/ui/age';
import { Breadcrumbs } from '@/components/resources/detail/breadcrumbs';
import { ConditionsTable } from '@/components/resources/detail/conditions-table';
import { DetailHeader } from '@/components/resources/detail/detail-header';
import { EventsTable } from '@/components/resources/detail/events-table';
import { Section } from '@/components/resources/detail/section';
import { SummaryGrid } from '@/components/resources/detail/summary-grid';
import { useYaml } from '@/components/resources/detail/use-yaml';
import { YamlButton } from '@/components/resources/detail/yaml-dialog';
import { DataTable } from '@/components/resources/table/data-table';
import { useT } from '@/lib/i18n/client';
import { conditionsOf } from '@/lib/k8s/conditions';
import { useLiveList } from '@/lib/live/use-live-list';
import { releaseDetailLists } from '@/lib/releases/live';
import { sourceHealth, summarizeRelease } from '@/lib/releases/status';
import type { FluxSourceObject, HistoryEntry } from '@/lib/releases/types';

import { ReleaseActions } from './release-actions';
import { ReleaseBadge } from './release-badge';

const when = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString() : '—');

/** One HelmRelease: state, revisions, reconcile requests, history, values, source health. */
export function ReleaseDetail({
  namespace,
  name,
  tenantPrefix,
  canPatch,
}: {
  namespace: string;
  name: string;
  tenantPrefix: string;
  canPatch: boolean;
}) {
  const t = useT();
  const lists = releaseDetailLists(namespace, name);
  const list = useLiveList(lists.release);
  const sources: Record<string, FluxSourceObject[]> = {
    HelmRepository: useLiveList(lists.helmRepositories).items,
    OCIRepository: useLiveList(lists.ociRepositories).items,
    GitRepository: useLiveList(lists.gitRepositories).items,
  };
  const hr = list.items[0];
  const values = hr?.spec?.values;
  const hasValues = values !== undefined && Object.keys(values).length > 0;
  const valuesYaml = useYaml(hasValues ? [values] : undefined);
  const crumbs = [{ label: t('console.releases'), href: '/console/releases' }, { label: name }];
  if (!hr)
    return (
      <div className="space-y-4">
        <Breadcrumbs items={crumbs} />
        <p role="status">{list.isLoading ? '…' : t('releases.gone', { name })}</p>
      </div>
    );
  const r = summarizeRelease(hr, tenantPrefix);
  const ref = r.source;
  const src = ref
    ? sourceHealth(
        ref,
        sources[ref.kind]?.find(
          (s) => s.metadata?.name === ref.name && s.metadata?.namespace === ref.namespace,
        ),
      )
    : undefined;
  const history: HistoryEntry[] = hr.status?.history ?? [];
  return (
    <div className="space-y-6">
      <Breadcrumbs items={crumbs} />
      <DetailHeader
        title={name}
        badge={<ReleaseBadge state={r.state} />}
        summary={
          r.state === 'suspended'
            ? t('releases.suspendedBy', { who: r.suspendedBy ?? t('releases.someone') })
            : (r.message ?? '')
        }
        summaryTestId="release-message"
        actions={
          <>
            {canPatch && <ReleaseActions release={r} />}
            <YamlButton object={hr} />
          </>
        }
      />
      <SummaryGrid
        items={[
          { id: 'namespace', label: t('column.namespace'), value: namespace },
          {
            id: 'chart',
            label: t('releases.column.chart'),
            value: r.version ? `${r.chart}@${r.version}` : r.chart,
          },
          { id: 'applied', label: t('releases.applied'), value: r.appliedRevision ?? '—' },
          { id: 'attempted', label: t('releases.attempted'), value: r.attemptedRevision ?? '—' },
          {
            id: 'reconciled',
            label: t('releases.column.reconciled'),
            value: when(r.lastReconcile),
          },
          { id: 'requested', label: t('releases.requestedAt'), value: when(r.requestedAt) },
          {
            id: 'handled',
            label: t('releases.handledAt'),
            value: (
              <span data-testid="handled-at" data-pending={r.pending}>
                {r.pending ? t('releases.pending') : when(r.handledAt)}
              </span>
            ),
          },
          { id: 'failures', label: t('releases.failures'), value: String(r.failures) },
          ...(r.tenant
            ? [
                {
                  id: 'tenant',
                  label: t('releases.tenantCluster'),
                  value: (
                    <Link
                      className="text-indigo-600"
                      href={`/t/${r.tenant}/clusters/${r.cluster ?? ''}`}
                    >
                      {`${r.tenant} / ${r.cluster ?? ''}`}
                    </Link>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Section title={t('releases.source')}>
        {src ? (
          <div className="space-y-1 text-sm" data-testid="source-health" data-state={src.state}>
            <p className="flex items-center gap-2">
              <span className="font-medium">{`${src.kind} ${src.namespace ?? ''}/${src.name}`}</span>
              <ReleaseBadge state={src.state} />
            </p>
            {src.url && <p className="text-slate-500">{src.url}</p>}
            {src.message && <p>{src.message}</p>}
            {src.updated && (
              <p className="text-slate-500">
                <WithAge at={src.updated}>{(a) => t('releases.sourceUpdated', { age: a })}</WithAge>
              </p>
            )}
          </div>
        ) : (
          <p className="text-sm">—</p>
        )}
      </Section>
      <Section title={t('releases.history')}>
        <DataTable
          label={t('releases.history')}
          rows={history}
          rowKey={(h) => String(h.version ?? '')}
          rowName={(h) => String(h.version ?? '')}
          rowTestId="history-row"
          initialSort={null}
          filterable={false}
          empty={t('releases.noHistory')}
          columns={[
            { id: 'version', header: 'releases.column.version', cell: (h) => h.version },
            { id: 'status', header: 'common.status', cell: (h) => h.status },
            {
              id: 'chart',
              header: 'releases.column.chart',
              cell: (h) => `${h.chartName ?? ''}@${h.chartVersion ?? ''}`,
            },
            { id: 'app', header: 'releases.column.appVersion', cell: (h) => h.appVersion ?? '—' },
            {
              id: 'deployed',
              header: 'releases.column.deployed',
              cell: (h) => when(h.lastDeployed),
            },
          ]}
        />
      </Section>
      <Section title={t('releases.values')}>
        <pre
          className="overflow-x-auto rounded-md bg-slate-50 p-3 text-xs dark:bg-slate-950"
          data-testid="values"
        >
          {hasValues ? (valuesYaml ?? '…') : t('releases.noValues')}
        </pre>
        {hr.spec?.valuesFrom?.map((v) => (
          <p key={`${v.kind}/${v.name}`} className="text-xs text-slate-500">
            {t('releases.valuesFrom', { kind: v.kind, name: v.name })}
          </p>
        ))}
      </Section>
      <Section title={t('clusters.conditions')}>
        <ConditionsTable conditions={conditionsOf(hr)} />
      </Section>
      <Section title={t('clusters.events')}>
        <EventsTable sub={lists.events} />
      </Section>
    </div>
  );
}
