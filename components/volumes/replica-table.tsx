'use client';

import { DataTable, type Column } from '@/components/resources/table/data-table';
import { useT } from '@/lib/i18n/client';
import type { Translate } from '@/lib/i18n/messages';
import type { ReplicaHealth, ReplicaRow } from '@/lib/linstor/health';
import type { NodeHealth } from '@/lib/volumes/server';

import { diskTone, nodeHealthLabel } from './replica-marks';

/** The replica columns, shared with the node page (which lists one node's replicas of many volumes). */
export function replicaColumns(t: Translate, nodes: NodeHealth[]): Column<ReplicaRow>[] {
  return [
    {
      id: 'node',
      header: 'volumes.replicas.node',
      cell: (r) => {
        const h = nodeHealthLabel(
          t,
          nodes.find((n) => n.name === r.node),
        );
        return (
          <>
            <span className="font-medium">{r.node}</span>
            <span
              className={`block text-xs ${h.bad ? 'text-red-700 dark:text-red-400' : 'text-slate-500'}`}
              data-testid="node-health"
            >
              {h.text}
            </span>
          </>
        );
      },
      sortValue: (r) => r.node,
    },
    {
      id: 'kind',
      header: 'volumes.replicas.kind',
      cell: (r) =>
        t(
          r.tieBreaker
            ? 'volumes.replicas.tieBreaker'
            : r.diskful
              ? 'volumes.replicas.diskful'
              : 'volumes.replicas.diskless',
        ),
    },
    {
      id: 'disk',
      header: 'volumes.replicas.disk',
      cell: (r) => (
        <span className={diskTone(r.diskState)} data-testid="disk-state">
          {r.diskState}
        </span>
      ),
      sortValue: (r) => r.diskState,
    },
    {
      id: 'inUse',
      header: 'volumes.replicas.inUse',
      cell: (r) =>
        t(
          r.inUse === undefined
            ? 'volumes.replicas.unknownUse'
            : r.inUse
              ? 'volumes.replicas.yes'
              : 'volumes.replicas.no',
        ),
    },
    {
      id: 'connections',
      header: 'volumes.replicas.connections',
      cell: (r) => (
        <ul className="text-xs">
          {r.peers.map((p) => (
            <li key={p.node} className={p.connected ? '' : 'text-red-700 dark:text-red-400'}>
              {p.node}: {p.message}
              {p.replication && p.replication !== 'Established' ? ` (${p.replication})` : ''}
            </li>
          ))}
        </ul>
      ),
    },
    {
      id: 'resync',
      header: 'volumes.replicas.resync',
      cell: (r) =>
        r.syncPercent !== undefined ? (
          <span data-testid="resync">
            <progress className="mr-2 align-middle" max={100} value={r.syncPercent} />
            {t('volumes.replicas.percent', { percent: r.syncPercent })}
          </span>
        ) : (
          '—'
        ),
    },
  ];
}

/** One row per node holding the volume's LINSTOR resource. */
export function ReplicaTable({ health, nodes }: { health: ReplicaHealth; nodes: NodeHealth[] }) {
  const t = useT();
  return (
    <DataTable
      label={t('volumes.replicas.title')}
      rows={health.replicas}
      columns={replicaColumns(t, nodes)}
      rowKey={(r) => r.node}
      rowName={(r) => r.node}
      rowTestId="replica-row"
      filterable={false}
      initialSort={null}
      empty={t('volumes.replicas.noneRows')}
    />
  );
}
