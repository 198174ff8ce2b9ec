'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { FormAlert } from '@/components/forms/form-alert';
import { Breadcrumbs, tenantCrumbs } from '@/components/resources/detail/breadcrumbs';
import { ConditionsTable } from '@/components/resources/detail/conditions-table';
import { DeleteDialog } from '@/components/resources/detail/delete-dialog';
import { DetailHeader } from '@/components/resources/detail/detail-header';
import { EventsTable } from '@/components/resources/detail/events-table';
import { Section } from '@/components/resources/detail/section';
import { SummaryGrid } from '@/components/resources/detail/summary-grid';
import { YamlButton } from '@/components/resources/detail/yaml-dialog';
import { CheckboxField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { VmDataMap } from '@/components/volumes/vm-data-map';
import { useT } from '@/lib/i18n/client';
import type { Condition } from '@/lib/k8s/types';
import { useLiveList, useLiveObject } from '@/lib/live/use-live-list';
import { tenantHref } from '@/lib/navigation';
import type { Tenant } from '@/lib/tenants/types';
import { deleteVm, previewVmDelete } from '@/lib/vms/actions';
import { vmDetailLists } from '@/lib/vms/live';
import { vmSummary } from '@/lib/vms/status';
import type { DataVolumeObject, VmCondition } from '@/lib/vms/types';

import { DisksSection } from './disks-section';
import { MigrationSection } from './migration-section';
import { PowerControls } from './power-controls';
import { SnapshotsSection } from './snapshots-section';
import { VmBadge, vmStatusLabel } from './vm-badge';
import { sizeOf } from './vm-list';

export interface VmPermissions {
  change: boolean;
  power: boolean;
  migrate: boolean;
  delete: boolean;
  snapshot: boolean;
  console: boolean;
}

const asConditions = (list: VmCondition[] | undefined): Condition[] =>
  (list ?? []).map((c) => ({
    type: c.type,
    status: c.status,
    reason: c.reason,
    message: c.message,
    lastTransitionTime: c.lastTransitionTime ?? undefined,
  }));

export function VmDetail({
  tenant,
  name,
  can,
  storageClasses,
}: {
  tenant: Tenant;
  name: string;
  can: VmPermissions;
  /** The classes a new data disk may use. */
  storageClasses: string[];
}) {
  const t = useT();
  const toast = useToast();
  const router = useRouter();
  const [keepDisks, setKeepDisks] = useState(false);
  const ns = tenant.namespace;
  const lists = vmDetailLists(ns, name);
  const vm = useLiveObject({ ...lists.vm, name });
  const vmi = useLiveObject({ ...lists.instance, name });
  const disks = useLiveList(lists.disks);
  const migrations = useLiveList(lists.migrations);
  const snapshots = useLiveList(lists.snapshots);
  const restores = useLiveList(lists.restores);
  const listHref = tenantHref(tenant.name, 'virtualmachines');
  const crumbs = (
    <Breadcrumbs
      items={tenantCrumbs(tenant, { label: t('nav.vms'), href: listHref }, { label: name })}
    />
  );
  if (vm.error)
    return (
      <div className="space-y-4">
        {crumbs}
        <FormAlert message={vm.error.message} />
      </div>
    );
  if (vm.isLoading) return <p>{t('common.loading')}</p>;
  if (!vm.object)
    return (
      <div className="space-y-4" data-testid="gone">
        {crumbs}
        <h1 className="text-2xl font-semibold">{name}</h1>
        <p className="text-slate-500">{t('vms.gone')}</p>
        <Link className="text-indigo-600" href={listHref}>
          {t('vms.all')}
        </Link>
      </div>
    );
  const dvs = new Map<string, DataVolumeObject>(
    disks.items.map((d) => [d.metadata?.name ?? '', d]),
  );
  const s = vmSummary(vm.object, vmi.object, dvs, migrations.items);
  return (
    <div className="space-y-8">
      {crumbs}
      <DetailHeader
        title={name}
        badge={<VmBadge summary={s} />}
        summary={t(s.summary)}
        summaryTestId="vm-summary"
        actions={
          <>
            {can.console && s.running && (
              <Link
                href={tenantHref(tenant.name, 'virtualmachines', `${name}/console`)}
                className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
              >
                {t('vms.console.open')}
              </Link>
            )}
            {can.change && (
              <Link
                href={`${tenantHref(tenant.name, 'loadbalancers', 'new')}?vm=${encodeURIComponent(name)}`}
                className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
              >
                {t('loadbalancers.exposeVm')}
              </Link>
            )}
            <YamlButton object={vm.object} />
            {can.delete && !vm.object.metadata?.deletionTimestamp && (
              <DeleteDialog
                name={name}
                kindLabel={t({ key: 'model.virtualmachines', lower: true })}
                intro={t('vms.delete.intro')}
                preview={() => previewVmDelete({ namespace: ns, name })}
                remove={(confirm) => deleteVm({ namespace: ns, name, keepDisks, confirm })}
                onDeleted={() => {
                  toast('success', t('vms.delete.started', { name }));
                  router.push(listHref);
                }}
              >
                <CheckboxField
                  label={t('vms.delete.keepDisks')}
                  checked={keepDisks}
                  onChange={(e) => setKeepDisks(e.target.checked)}
                />
              </DeleteDialog>
            )}
          </>
        }
      />
      {can.power && <PowerControls namespace={ns} summary={s} canMigrate={can.migrate} />}
      <SummaryGrid
        items={[
          { id: 'status', label: t('common.status'), value: vmStatusLabel(t, s.status) },
          {
            id: 'node',
            label: t('column.node'),
            value: <span data-testid="vm-node">{s.node ?? '—'}</span>,
          },
          {
            id: 'ips',
            label: t('vms.column.ip'),
            value: (
              <span className="font-mono text-xs" data-testid="vm-ip">
                {s.ips.join(', ') || '—'}
              </span>
            ),
          },
          { id: 'size', label: t('vms.column.size'), value: sizeOf(s) || '—' },
          { id: 'os', label: t('vms.detail.os'), value: s.guestOs ?? s.preference ?? '—' },
          { id: 'run', label: t('column.runStrategy'), value: s.runStrategy },
        ]}
      />
      <Section title={t('vms.disks.title')}>
        <DisksSection
          namespace={ns}
          vm={name}
          disks={s.disks}
          running={s.running}
          storageClasses={storageClasses}
          canChange={can.change}
        />
      </Section>
      <Section title={t('volumes.map.title')}>
        <VmDataMap namespace={ns} vm={vm.object} />
      </Section>
      <Section title={t('vms.migration.title')}>
        <MigrationSection namespace={ns} summary={s} canCancel={can.migrate} />
      </Section>
      <Section title={t('vms.snapshots.title')}>
        <SnapshotsSection
          namespace={ns}
          vm={name}
          snapshots={snapshots.items}
          restores={restores.items}
          canChange={can.snapshot}
        />
      </Section>
      <ConditionsTable
        conditions={asConditions([
          ...(vmi.object?.status?.conditions ?? []),
          ...(vm.object.status?.conditions ?? []).filter(
            (c) => !vmi.object?.status?.conditions?.some((i) => i.type === c.type),
          ),
        ])}
      />
      <Section title={t('clusters.events')}>
        <EventsTable sub={lists.events} />
      </Section>
    </div>
  );
}
