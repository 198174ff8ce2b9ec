'use client';

import Link from 'next/link';

import { WithAge } from '@/components/ui/age';
import { DataTable, type Column } from '@/components/resources/table/data-table';
import { useT } from '@/lib/i18n/client';
import type { Translate } from '@/lib/i18n/messages';
import { useNodes, type NodeListRow } from '@/lib/nodes/use-nodes';

import { HealthChecks } from './health-checks';
import { FencingBadge, fencingLabel, ReadyBadge, RemediationBadge, TaintChip } from './node-badges';

export const nodeHref = (name: string) => `/console/nodes/${encodeURIComponent(name)}`;

function columns(t: Translate): Column<NodeListRow>[] {
  return [
    {
      id: 'name',
      header: 'common.name',
      cell: (n) => (
        <Link
          className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
          href={nodeHref(n.name)}
        >
          {n.name}
        </Link>
      ),
      sortValue: (n) => n.name,
      filterValue: (n) => n.name,
    },
    {
      id: 'ready',
      header: 'nodes.column.ready',
      cell: (n) => (
        <>
          <ReadyBadge ready={n.ready} />
          {n.readySince && (
            <span className="block text-xs text-slate-500">
              <WithAge at={n.readySince}>{(a) => t('nodes.readySince', { age: a })}</WithAge>
            </span>
          )}
        </>
      ),
      sortValue: (n) => `${n.severity}:${n.name}`,
      filterValue: (n) => `${n.ready} ${t(`nodes.ready.${n.ready}`)}`,
    },
    {
      id: 'roles',
      header: 'nodes.column.roles',
      cell: (n) => n.roles.join(', ') || '—',
      sortValue: (n) => n.roles.join(','),
      filterValue: (n) => n.roles.join(' '),
    },
    {
      id: 'cordoned',
      header: 'nodes.cordoned',
      cell: (n) => (n.cordoned ? t('common.yes') : '—'),
      sortValue: (n) => Number(n.cordoned),
      filterValue: (n) => (n.cordoned ? t('nodes.cordoned') : undefined),
    },
    {
      id: 'taints',
      header: 'nodes.column.taints',
      cell: (n) => (
        <span className="flex flex-wrap gap-1">
          {n.taints.map((x) => (
            <TaintChip key={`${x.key}:${x.effect}`} taint={x} />
          ))}
        </span>
      ),
      sortValue: (n) => n.taints.length,
      filterValue: (n) =>
        `${n.taints.map((x) => x.key).join(' ')} ${n.outOfService ? t('nodes.outOfService') : ''}`,
    },
    {
      id: 'fencing',
      header: 'nodes.column.fencing',
      cell: (n) => <FencingBadge fencing={n.fencing} />,
      sortValue: (n) => n.fencing.state ?? '',
      filterValue: (n) => fencingLabel(t, n.fencing),
    },
    {
      id: 'remediation',
      header: 'nodes.column.remediation',
      cell: (n) => <RemediationBadge remediation={n.remediations[0]} />,
      sortValue: (n) => n.remediations[0]?.state ?? '',
      filterValue: (n) => n.remediations.map((r) => `${r.kind} ${r.state}`).join(' '),
    },
    {
      id: 'version',
      header: 'column.version',
      cell: (n) => n.kubelet ?? '—',
      sortValue: (n) => n.kubelet,
    },
  ];
}

/** Every node, live: broken ones first; the health checks above. */
export function NodeList() {
  const t = useT();
  const { rows, healthChecks, isLoading, partial, error } = useNodes();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('nodes.title')}</h1>
      {error ? (
        <p role="alert">{error.message}</p>
      ) : (
        <DataTable
          label={t('nodes.title')}
          rows={rows}
          columns={columns(t)}
          rowKey={(n) => n.name}
          rowName={(n) => n.name}
          isLoading={isLoading}
          partial={partial}
          empty={t('nodes.none')}
          initialSort={{ id: 'ready' }}
        />
      )}
      <HealthChecks checks={healthChecks} />
    </div>
  );
}
