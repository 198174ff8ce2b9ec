'use client';

import { Age } from '@/components/ui/age';
import { ObjectTable } from '@/components/resources/registry-columns';
import type { Column } from '@/components/resources/table/data-table';
import { StatusBadge } from '@/components/resources/table/status-badge';
import { useT } from '@/lib/i18n/client';
import { eventTime } from '@/lib/k8s/events';
import type { EventObject } from '@/lib/k8s/objects';
import type { Subscription } from '@/lib/live/protocol';
import { useLiveList } from '@/lib/live/use-live-list';

const columns: Column<EventObject>[] = [
  {
    id: 'type',
    header: 'column.type',
    cell: (e) => (
      <StatusBadge tone={e.type === 'Warning' ? 'warn' : 'neutral'}>{e.type}</StatusBadge>
    ),
  },
  {
    id: 'reason',
    header: 'column.reason',
    cell: (e) => e.reason ?? '—',
    filterValue: (e) => e.reason,
  },
  {
    id: 'message',
    header: 'column.message',
    cell: (e) => e.message ?? '—',
    filterValue: (e) => e.message,
  },
  {
    id: 'object',
    header: 'column.object',
    cell: (e) => `${e.involvedObject?.kind ?? ''} ${e.involvedObject?.name ?? ''}`,
  },
  {
    id: 'when',
    header: 'column.when',
    cell: (e) => <Age at={eventTime(e)} />,
    sortValue: eventTime,
  },
];

/** The live events about an object, newest first. */
export function EventsTable({ sub }: { sub: Subscription<'events'> }) {
  const t = useT();
  const events = useLiveList(sub);
  return (
    <ObjectTable
      label={t('clusters.events')}
      rows={events.items}
      columns={columns}
      rowTestId="event-row"
      isLoading={events.isLoading}
      empty={t('events.none')}
      initialSort={{ id: 'when', desc: true }}
    />
  );
}
