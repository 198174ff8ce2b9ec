'use client';

import Link from 'next/link';

import { Age } from '@/components/ui/age';
import { useAction } from '@/components/actions/use-action';
import { DataTable, type Column } from '@/components/resources/table/data-table';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { useT } from '@/lib/i18n/client';
import type { Translate } from '@/lib/i18n/messages';
import { tenantHref } from '@/lib/navigation';
import type { Tenant } from '@/lib/tenants/types';
import { snapshotVolume } from '@/lib/volumes/actions';
import type { VolumeSnapshotObject } from '@/lib/volumes/build';
import { bytesOf, GiB } from '@/lib/volumes/status';

const stamp = () => new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '').toLowerCase();

function columns(
  t: Translate,
  restoreHref: ((s: VolumeSnapshotObject) => string) | undefined,
): Column<VolumeSnapshotObject>[] {
  return [
    {
      id: 'name',
      header: 'common.name',
      cell: (s) => s.metadata?.name,
      sortValue: (s) => String(s.metadata?.creationTimestamp ?? ''),
    },
    {
      id: 'phase',
      header: 'column.phase',
      cell: (s) => (
        <span data-testid="snapshot-phase">
          {s.status?.readyToUse ? t('volumes.snapshots.ready') : t('volumes.snapshots.pending')}
          {s.status?.error?.message ? ` — ${s.status.error.message}` : ''}
        </span>
      ),
    },
    { id: 'size', header: 'volumes.snapshots.size', cell: (s) => s.status?.restoreSize ?? '—' },
    {
      id: 'age',
      header: 'common.age',
      cell: (s) => <Age at={String(s.metadata?.creationTimestamp ?? '')} />,
    },
    ...(restoreHref
      ? [
          {
            id: 'restore',
            header: 'vms.snapshots.actions',
            cell: (s: VolumeSnapshotObject) =>
              s.status?.readyToUse ? (
                <Link
                  className="text-indigo-600 hover:underline dark:text-indigo-400"
                  href={restoreHref(s)}
                >
                  {t('volumes.snapshots.restore')}
                </Link>
              ) : null,
          } satisfies Column<VolumeSnapshotObject>,
        ]
      : []),
  ];
}

/** A volume's VolumeSnapshots, taking one, and restoring one into a new volume (the create form). */
export function VolumeSnapshots({
  tenant,
  volume,
  storageClass,
  snapshots,
  canTake,
  canRestore,
}: {
  tenant: Tenant;
  volume: string;
  storageClass: string | undefined;
  snapshots: VolumeSnapshotObject[];
  canTake: boolean;
  canRestore: boolean;
}) {
  const t = useT();
  const toast = useToast();
  const take = useAction(snapshotVolume, {
    onSuccess: ({ snapshot }) =>
      toast('success', t('volumes.snapshots.started', { name: snapshot })),
  });
  const restoreHref = (s: VolumeSnapshotObject) =>
    `${tenantHref(tenant.name, 'volumes', 'new')}?${new URLSearchParams({
      sourceKind: 'snapshot',
      sourceName: s.metadata?.name ?? '',
      sizeGi: String(Math.ceil(bytesOf(s.status?.restoreSize) / GiB) || 1),
      storageClass: storageClass ?? '',
    }).toString()}`;
  return (
    <div className="space-y-3">
      {canTake && (
        <Button
          disabled={take.pending}
          onClick={() =>
            void take.run({
              namespace: tenant.namespace,
              name: volume,
              snapshot: `${volume}-${stamp()}`.slice(0, 63),
            })
          }
        >
          {t('volumes.snapshots.take')}
        </Button>
      )}
      <DataTable
        label={t('volumes.snapshots.title')}
        rows={snapshots}
        columns={columns(t, canRestore ? restoreHref : undefined)}
        rowKey={(s) => s.metadata?.uid ?? s.metadata?.name ?? ''}
        rowName={(s) => s.metadata?.name ?? ''}
        rowTestId="snapshot-row"
        filterable={false}
        initialSort={{ id: 'name', desc: true }}
        empty={t('volumes.snapshots.none')}
      />
    </div>
  );
}
