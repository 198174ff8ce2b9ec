'use client';

import { useState } from 'react';

import { Age } from '@/components/ui/age';
import { useAction } from '@/components/actions/use-action';
import { DataTable, type Column } from '@/components/resources/table/data-table';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { useT } from '@/lib/i18n/client';
import type { Translate } from '@/lib/i18n/messages';
import { restoreVm, snapshotVm } from '@/lib/vms/actions';
import type { VmRestoreObject, VmSnapshotObject } from '@/lib/vms/types';

const stamp = () => new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '').toLowerCase();

function columns(
  t: Translate,
  restore: ((name: string) => void) | undefined,
): Column<VmSnapshotObject>[] {
  return [
    {
      id: 'name',
      header: 'common.name',
      cell: (s) => s.metadata?.name,
      sortValue: (s) => s.metadata?.creationTimestamp,
    },
    {
      id: 'phase',
      header: 'column.phase',
      cell: (s) => (
        <span data-testid="snapshot-phase" data-phase={s.status?.phase ?? ''}>
          {s.status?.readyToUse
            ? t('vms.snapshots.ready')
            : (s.status?.phase ?? t('vms.snapshots.pending'))}
          {s.status?.error?.message ? ` — ${s.status.error.message}` : ''}
        </span>
      ),
    },
    {
      id: 'age',
      header: 'common.age',
      cell: (s) => <Age at={s.metadata?.creationTimestamp} />,
    },
    ...(restore
      ? [
          {
            id: 'restore',
            header: 'vms.snapshots.actions',
            cell: (s: VmSnapshotObject) =>
              s.status?.readyToUse ? (
                <Button tone="ghost" onClick={() => restore(s.metadata?.name ?? '')}>
                  {t('vms.snapshots.restore')}
                </Button>
              ) : null,
          } satisfies Column<VmSnapshotObject>,
        ]
      : []),
  ];
}

/** Snapshots of the VM, taking one, and restoring one into the stopped VM. */
export function SnapshotsSection({
  namespace,
  vm,
  snapshots,
  restores,
  canChange,
}: {
  namespace: string;
  vm: string;
  snapshots: VmSnapshotObject[];
  restores: VmRestoreObject[];
  canChange: boolean;
}) {
  const t = useT();
  const toast = useToast();
  const [last, setLast] = useState<string>();
  const take = useAction(snapshotVm, {
    onSuccess: () => toast('success', t('vms.snapshots.started')),
  });
  const restore = useAction(restoreVm, {
    onSuccess: ({ restore: name }) => {
      setLast(name);
      toast('success', t('vms.snapshots.restoreStarted'));
    },
  });
  const running = restores.find((r) => !r.status?.complete);
  const latest = restores.find((r) => r.metadata?.name === last);
  return (
    <div className="space-y-3">
      {canChange && (
        <Button
          disabled={take.pending}
          onClick={() => void take.run({ namespace, name: vm, snapshot: `${vm}-${stamp()}` })}
        >
          {t('vms.snapshots.take')}
        </Button>
      )}
      {(running ?? latest) && (
        <p className="text-sm" data-testid="restore-status">
          {running
            ? t('vms.snapshots.restoring', { name: running.spec?.virtualMachineSnapshotName ?? '' })
            : t('vms.snapshots.restored')}
        </p>
      )}
      <DataTable
        label={t('vms.snapshots.title')}
        rows={snapshots}
        columns={columns(
          t,
          canChange ? (snapshot) => void restore.run({ namespace, name: vm, snapshot }) : undefined,
        )}
        rowKey={(s) => s.metadata?.uid ?? s.metadata?.name ?? ''}
        rowName={(s) => s.metadata?.name ?? ''}
        rowTestId="snapshot-row"
        filterable={false}
        initialSort={{ id: 'name', desc: true }}
        empty={t('vms.snapshots.none')}
      />
    </div>
  );
}
