'use client';

import { DataTable, type Column } from '@/components/resources/table/data-table';
import { useT } from '@/lib/i18n/client';
import type { Translate } from '@/lib/i18n/messages';
import type { DiskSummary } from '@/lib/vms/status';

const columns = (t: Translate): Column<DiskSummary>[] => [
  { id: 'name', header: 'common.name', cell: (d) => d.volume, sortValue: (d) => d.volume },
  { id: 'volume', header: 'vms.disks.volume', cell: (d) => d.dataVolume ?? '—' },
  { id: 'size', header: 'vms.disks.size', cell: (d) => d.size ?? '—' },
  { id: 'class', header: 'vms.new.storageClass', cell: (d) => d.storageClass ?? '—' },
  {
    id: 'phase',
    header: 'column.phase',
    cell: (d) =>
      d.failure ? (
        <span className="text-red-600" role="status">
          {t('vms.disks.failed', { reason: d.failure })}
        </span>
      ) : d.phase && d.phase !== 'Succeeded' ? (
        t('vms.disks.importing', { phase: d.phase, progress: d.progress ?? 'N/A' })
      ) : (
        (d.phase ?? '—')
      ),
  },
];

/** The VM's disks with CDI's import progress, and why an import fails. */
export function DisksSection({ disks }: { disks: DiskSummary[] }) {
  const t = useT();
  return (
    <DataTable
      label={t('vms.disks.title')}
      rows={disks}
      columns={columns(t)}
      rowKey={(d) => d.volume}
      rowName={(d) => d.volume}
      rowTestId="disk-row"
      filterable={false}
      empty={t('vms.disks.none')}
    />
  );
}
