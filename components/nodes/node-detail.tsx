'use client';

import Link from 'next/link';
import { useMemo } from 'react';

import { Age, WithAge } from '@/components/ui/age';
import { Breadcrumbs } from '@/components/resources/detail/breadcrumbs';
import { ConditionsTable } from '@/components/resources/detail/conditions-table';
import { DetailHeader } from '@/components/resources/detail/detail-header';
import { EventsTable } from '@/components/resources/detail/events-table';
import { Section } from '@/components/resources/detail/section';
import { SummaryGrid } from '@/components/resources/detail/summary-grid';
import { YamlButton } from '@/components/resources/detail/yaml-dialog';
import { DataTable } from '@/components/resources/table/data-table';
import { useT } from '@/lib/i18n/client';
import type { Condition } from '@/lib/k8s/types';
import { useLiveList, useLiveObject } from '@/lib/live/use-live-list';
import { tenantHref } from '@/lib/navigation';
import { nodeDetailLists } from '@/lib/nodes/live';
import {
  affectedBy,
  healthCheckSummary,
  nodeSummary,
  remediationsByNode,
  tenantOf,
  type AffectedVm,
  type AffectedWorker,
  type NodeTaint,
} from '@/lib/nodes/status';
import type { PodObject } from '@/lib/nodes/types';

import { NodeLinstorReplicas } from './linstor-replicas';
import { FencingBadge, fencingLabel, ReadyBadge, TaintChip } from './node-badges';
import { NodeActions } from './node-actions';
import { RemediationTimeline } from './remediation-timeline';

export function NodeDetail({ name, tenantPrefix }: { name: string; tenantPrefix: string }) {
  const t = useT();
  const lists = nodeDetailLists(name);
  const node = useLiveObject({ model: 'nodes', name });
  const nhcs = useLiveList(lists.healthChecks);
  const fars = useLiveList(lists.fars);
  const snrs = useLiveList(lists.snrs);
  const vmis = useLiveList(lists.vmis);
  const machines = useLiveList(lists.machines);
  const pods = useLiveList(lists.pods);
  const remediations = useMemo(
    () => remediationsByNode(fars.items, snrs.items).get(name) ?? [],
    [fars.items, snrs.items, name],
  );
  const affected = useMemo(
    () => affectedBy(name, vmis.items, machines.items),
    [name, vmis.items, machines.items],
  );
  const crumbs = (
    <Breadcrumbs items={[{ label: t('nodes.all'), href: '/console/nodes' }, { label: name }]} />
  );
  if (node.isLoading) return <p>{t('common.loading')}</p>;
  if (!node.object)
    return (
      <div className="space-y-4" data-testid="gone">
        {crumbs}
        <h1 className="text-2xl font-semibold">{name}</h1>
        <p className="text-slate-500">{node.error?.message ?? t('nodes.gone')}</p>
        <Link className="text-indigo-600" href="/console/nodes">
          {t('nodes.all')}
        </Link>
      </div>
    );
  const s = nodeSummary(node.object);
  const farTemplate = nhcs.items.map(healthCheckSummary).find((c) => c.farTemplate)?.farTemplate;
  const fenceRunning = remediations.some(
    (r) => r.kind === 'FenceAgentsRemediation' && r.state === 'InProgress',
  );
  const tenant = (ns: string) => tenantOf(ns, tenantPrefix);
  return (
    <div className="space-y-8">
      {crumbs}
      <DetailHeader
        title={name}
        badge={<ReadyBadge ready={s.ready} />}
        summary={
          s.ready === 'Ready'
            ? t('nodes.summary.ready', { kubelet: s.kubelet ?? '—' })
            : t('nodes.summary.notReady', {
                reason: s.readyReason ?? s.ready,
                message: s.readyMessage ?? '',
              })
        }
        summaryTestId="node-summary"
        actions={<YamlButton object={node.object} />}
      />
      <NodeActions node={s} farTemplate={farTemplate} fenceRunning={fenceRunning} />
      <SummaryGrid
        items={[
          {
            id: 'ready',
            label: t('nodes.column.ready'),
            value: (
              <span data-testid="node-ready">
                {t(`nodes.ready.${s.ready}`)}
                {s.readySince && (
                  <WithAge at={s.readySince}>
                    {(a) => ` · ${t('nodes.readySince', { age: a })}`}
                  </WithAge>
                )}
              </span>
            ),
          },
          { id: 'roles', label: t('nodes.column.roles'), value: s.roles.join(', ') || '—' },
          {
            id: 'cordoned',
            label: t('nodes.cordoned'),
            value: (
              <span data-testid="node-cordoned">
                {s.cordoned ? t('common.yes') : t('common.no')}
              </span>
            ),
          },
          { id: 'kubelet', label: t('column.version'), value: s.kubelet ?? '—' },
        ]}
      />
      <Section title={t('nodes.detail.fencing')}>
        <SummaryGrid
          items={[
            {
              id: 'fencing-enabled',
              label: t('nodes.detail.fencingEnabled'),
              value: s.fencing.enabled ? t('common.yes') : t('common.no'),
            },
            {
              id: 'fencing-state',
              label: t('nodes.detail.fencingState'),
              value: (
                <span data-testid="fencing-state" title={fencingLabel(t, s.fencing)}>
                  <FencingBadge fencing={s.fencing} />
                </span>
              ),
            },
            {
              id: 'fencing-since',
              label: t('nodes.detail.fencingSince'),
              value: s.fencing.since ? <Age at={s.fencing.since} /> : '—',
            },
            {
              id: 'fencing-mode',
              label: t('nodes.detail.fencingMode'),
              value: s.fencing.mode ?? 'flush',
            },
          ]}
        />
      </Section>
      <Section title={t('nodes.detail.remediations')}>
        {remediations.length === 0 ? (
          <p className="text-sm text-slate-500">{t('nodes.detail.noRemediations')}</p>
        ) : (
          remediations.map((r) => (
            <RemediationTimeline key={`${r.kind}/${r.name}`} remediation={r} />
          ))
        )}
      </Section>
      <Section title={t('nodes.detail.affected')}>
        <h3 className="font-medium">{t('nodes.detail.vms')}</h3>
        <DataTable<AffectedVm>
          label={t('nodes.detail.vms')}
          rows={affected.vms}
          rowKey={(v) => `${v.namespace}/${v.name}`}
          rowName={(v) => v.name}
          rowTestId="affected-vm"
          empty={t('nodes.detail.noVms')}
          isLoading={vmis.isLoading}
          columns={[
            {
              id: 'tenant',
              header: 'nodes.column.tenant',
              cell: (v) => tenant(v.namespace) ?? v.namespace,
              sortValue: (v) => v.namespace,
              filterValue: (v) => v.namespace,
            },
            {
              id: 'name',
              header: 'common.name',
              cell: (v) => {
                const tn = tenant(v.namespace);
                return tn ? (
                  <Link
                    className="text-indigo-600"
                    href={tenantHref(tn, 'virtualmachines', v.name)}
                  >
                    {v.name}
                  </Link>
                ) : (
                  v.name
                );
              },
              sortValue: (v) => v.name,
              filterValue: (v) => v.name,
            },
            {
              id: 'phase',
              header: 'common.status',
              cell: (v) => `${v.phase ?? '—'}${v.ready ? '' : ` (${t('nodes.ready.NotReady')})`}`,
            },
            { id: 'node', header: 'column.node', cell: (v) => v.node ?? '—' },
          ]}
        />
        <h3 className="font-medium">{t('nodes.detail.workers')}</h3>
        <DataTable<AffectedWorker>
          label={t('nodes.detail.workers')}
          rows={affected.workers}
          rowKey={(w) => `${w.namespace}/${w.machine}`}
          rowName={(w) => w.machine}
          rowTestId="affected-worker"
          empty={t('nodes.detail.noWorkers')}
          isLoading={machines.isLoading}
          columns={[
            {
              id: 'tenant',
              header: 'nodes.column.tenant',
              cell: (w) => tenant(w.namespace) ?? w.namespace,
              sortValue: (w) => w.namespace,
            },
            {
              id: 'cluster',
              header: 'nodes.column.cluster',
              cell: (w) => w.cluster ?? '—',
              sortValue: (w) => w.cluster,
            },
            { id: 'machine', header: 'nodes.column.machine', cell: (w) => w.machine },
            { id: 'vm', header: 'nodes.column.vm', cell: (w) => w.vm },
            { id: 'phase', header: 'column.phase', cell: (w) => w.phase ?? '—' },
          ]}
        />
        <NodeLinstorReplicas node={name} tenantPrefix={tenantPrefix} />
      </Section>
      <Section title={t('nodes.detail.taints')}>
        {s.taints.length === 0 ? (
          <p className="text-sm text-slate-500">{t('nodes.detail.noTaints')}</p>
        ) : (
          <DataTable<NodeTaint>
            label={t('nodes.detail.taints')}
            rows={s.taints}
            rowKey={(x) => `${x.key}:${x.effect}`}
            rowName={(x) => x.key}
            rowTestId="taint"
            filterable={false}
            columns={[
              { id: 'key', header: 'nodes.column.key', cell: (x) => <TaintChip taint={x} /> },
              { id: 'value', header: 'nodes.column.value', cell: (x) => x.value ?? '—' },
              { id: 'effect', header: 'nodes.column.effect', cell: (x) => x.effect },
              {
                id: 'since',
                header: 'nodes.column.since',
                cell: (x) => (x.timeAdded ? <Age at={x.timeAdded} /> : '—'),
              },
            ]}
          />
        )}
      </Section>
      <ConditionsTable conditions={(node.object.status?.conditions ?? []) as Condition[]} />
      <Section title={t('nodes.detail.pods')}>
        <DataTable<PodObject>
          label={t('nodes.detail.pods')}
          rows={pods.items}
          rowKey={(p) => `${p.metadata?.namespace ?? ''}/${p.metadata?.name ?? ''}`}
          rowName={(p) => p.metadata?.name ?? ''}
          rowTestId="node-pod"
          empty={t('nodes.detail.noPods')}
          isLoading={pods.isLoading}
          columns={[
            {
              id: 'namespace',
              header: 'nodes.column.namespace',
              cell: (p) => p.metadata?.namespace,
              sortValue: (p) => p.metadata?.namespace,
              filterValue: (p) => p.metadata?.namespace,
            },
            {
              id: 'name',
              header: 'common.name',
              cell: (p) => p.metadata?.name,
              sortValue: (p) => p.metadata?.name,
              filterValue: (p) => p.metadata?.name,
            },
            {
              id: 'phase',
              header: 'column.phase',
              cell: (p) =>
                p.metadata?.deletionTimestamp
                  ? t('vms.summary.terminating')
                  : (p.status?.phase ?? '—'),
            },
          ]}
        />
      </Section>
      <Section title={t('nodes.detail.events')}>
        <EventsTable sub={lists.events} />
      </Section>
    </div>
  );
}
