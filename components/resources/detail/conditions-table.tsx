'use client';

import { Age } from '@/components/ui/age';
import { DataTable, type Column } from '@/components/resources/table/data-table';
import { StatusBadge } from '@/components/resources/table/status-badge';
import { useT } from '@/lib/i18n/client';
import { blockingCondition, isHealthy, sortConditions } from '@/lib/k8s/conditions';
import { Section } from '@/components/resources/detail/section';
import type { Condition } from '@/lib/k8s/types';

const columns: Column<Condition>[] = [
  { id: 'type', header: 'column.type', cell: (c) => c.type, sortValue: (c) => c.type },
  {
    id: 'status',
    header: 'common.status',
    cell: (c) => (
      <StatusBadge tone={isHealthy(c) ? 'ok' : c.status === 'Unknown' ? 'neutral' : 'warn'}>
        {c.status}
      </StatusBadge>
    ),
  },
  { id: 'reason', header: 'column.reason', cell: (c) => c.reason ?? '—' },
  { id: 'message', header: 'column.message', cell: (c) => c.message ?? '—' },
  { id: 'since', header: 'column.since', cell: (c) => <Age at={c.lastTransitionTime} /> },
];

/** Conditions with the one that holds things up named above the table. */
export function ConditionsTable({ conditions }: { conditions: Condition[] }) {
  const t = useT();
  if (!conditions.length) return null;
  const blocking = blockingCondition(conditions);
  return (
    <Section title={t('clusters.conditions')}>
      {blocking && (
        <p data-testid="waiting-for" className="text-sm text-amber-800 dark:text-amber-200">
          {t('conditions.waitingFor', {
            type: blocking.type,
            detail: blocking.message ?? blocking.reason ?? blocking.status,
          })}
        </p>
      )}
      <DataTable
        label={t('clusters.conditions')}
        rows={sortConditions(conditions)}
        columns={columns}
        rowKey={(c) => c.type}
        rowName={(c) => c.type}
        rowTestId="condition-row"
        filterable={false}
        initialSort={null}
      />
    </Section>
  );
}
