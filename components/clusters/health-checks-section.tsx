'use client';

import { DataTable, type Column } from '@/components/resources/table/data-table';
import { StatusBadge } from '@/components/resources/table/status-badge';
import type { HealthCheckSummary } from '@/lib/clusters/health-checks';
import { useT } from '@/lib/i18n/client';

/** Each node group's MachineHealthCheck: what it sees and the machines it is replacing. */
export function HealthChecksSection({ checks }: { checks: HealthCheckSummary[] }) {
  const t = useT();
  const columns: Column<HealthCheckSummary>[] = [
    {
      id: 'group',
      header: 'clusters.group',
      cell: (c) => <span className="font-medium">{c.group}</span>,
      sortValue: (c) => c.group,
    },
    {
      id: 'healthy',
      header: 'clusters.health.healthy',
      cell: (c) => (
        <StatusBadge tone={c.healthy < c.expected ? 'warn' : 'ok'}>
          {`${c.healthy}/${c.expected}`}
        </StatusBadge>
      ),
    },
    {
      id: 'allowed',
      header: 'clusters.health.allowed',
      cell: (c) =>
        c.maxUnhealthy
          ? t('clusters.health.allowedOf', { n: c.remediationsAllowed, max: c.maxUnhealthy })
          : c.remediationsAllowed,
    },
    {
      id: 'remediating',
      header: 'clusters.health.remediating',
      cell: (c) =>
        c.remediating.length ? (
          <ul className="space-y-1 text-xs">
            {c.remediating.map((r) => (
              <li key={r.machine} data-testid="remediating-machine">
                <span className="font-medium">{r.machine}</span>
                {r.reason && `: ${r.reason}`}
              </li>
            ))}
          </ul>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <DataTable
      label={t('clusters.health.title')}
      rows={checks}
      columns={columns}
      rowKey={(c) => c.name}
      rowName={(c) => c.group}
      rowTestId="health-check-row"
      filterable={false}
      empty={t('clusters.health.none')}
    />
  );
}
