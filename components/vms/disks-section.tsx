'use client';

import { useState } from 'react';

import { useAction } from '@/components/actions/use-action';
import { DataTable, type Column } from '@/components/resources/table/data-table';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, SelectField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { useT } from '@/lib/i18n/client';
import type { Translate } from '@/lib/i18n/messages';
import { addVmDisk, removeVmDisk } from '@/lib/vms/actions';
import type { DiskSummary } from '@/lib/vms/status';

const columns = (t: Translate, remove?: (d: DiskSummary) => void): Column<DiskSummary>[] => [
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
  ...(remove
    ? [
        {
          id: 'actions',
          header: 'vms.snapshots.actions',
          cell: (d: DiskSummary) =>
            d.volume === 'root' ? null : (
              <Button tone="ghost" onClick={() => remove(d)}>
                {t('vms.disks.remove')}
              </Button>
            ),
        } satisfies Column<DiskSummary>,
      ]
    : []),
];

/** The VM's disks with CDI's import progress and why an import fails; add and remove data disks. */
export function DisksSection({
  namespace,
  vm,
  disks,
  running,
  storageClasses,
  canChange,
}: {
  namespace: string;
  vm: string;
  disks: DiskSummary[];
  running: boolean;
  storageClasses: string[];
  canChange: boolean;
}) {
  const t = useT();
  const toast = useToast();
  const [draft, setDraft] = useState({
    name: '',
    sizeGi: '10',
    storageClass: storageClasses[0] ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [removing, setRemoving] = useState<DiskSummary>();
  const add = useAction(addVmDisk, {
    onSuccess: () => {
      toast('success', t('vms.disks.added', { disk: draft.name }));
      setDraft({ ...draft, name: '' });
      setErrors({});
    },
    onError: (e) => setErrors(e.fields ?? { name: e.message }),
  });
  const remove = useAction(removeVmDisk, { onSuccess: () => setRemoving(undefined) });
  return (
    <div className="space-y-3">
      <DataTable
        label={t('vms.disks.title')}
        rows={disks}
        columns={columns(t, canChange ? setRemoving : undefined)}
        rowKey={(d) => d.volume}
        rowName={(d) => d.volume}
        rowTestId="disk-row"
        filterable={false}
        empty={t('vms.disks.none')}
      />
      {canChange && (
        <form
          className="grid items-end gap-3 sm:grid-cols-4"
          aria-label={t('vms.disks.add')}
          onSubmit={(e) => {
            e.preventDefault();
            void add.run({ namespace, name: vm, disk: draft });
          }}
        >
          <Field
            label={t('vms.new.diskName')}
            value={draft.name}
            error={errors.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
          <Field
            label={t('vms.new.diskSizeGi')}
            type="number"
            min={1}
            value={draft.sizeGi}
            error={errors.sizeGi}
            onChange={(e) => setDraft({ ...draft, sizeGi: e.target.value })}
          />
          <SelectField
            label={t('vms.new.storageClass')}
            value={draft.storageClass}
            error={errors.storageClass}
            onChange={(e) => setDraft({ ...draft, storageClass: e.target.value })}
          >
            {storageClasses.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </SelectField>
          <Button type="submit" disabled={add.pending}>
            {t('vms.disks.add')}
          </Button>
        </form>
      )}
      {canChange && running && (
        <p className="text-xs text-slate-500">{t('vms.disks.restartNote')}</p>
      )}
      <Dialog
        open={!!removing}
        onClose={() => setRemoving(undefined)}
        title={t('vms.disks.remove')}
      >
        <p className="text-sm">{t('vms.disks.removeConfirm', { disk: removing?.volume ?? '' })}</p>
        <div className="mt-4 flex justify-end gap-2">
          <Button onClick={() => setRemoving(undefined)}>{t('common.cancel')}</Button>
          <Button
            tone="danger"
            disabled={remove.pending}
            onClick={() =>
              removing && void remove.run({ namespace, name: vm, volume: removing.volume })
            }
          >
            {t('vms.disks.remove')}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
