'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { useAction } from '@/components/actions/use-action';
import { FormAlert } from '@/components/forms/form-alert';
import { Breadcrumbs, tenantCrumbs } from '@/components/resources/detail/breadcrumbs';
import { DeleteDialog } from '@/components/resources/detail/delete-dialog';
import { DetailHeader } from '@/components/resources/detail/detail-header';
import { EventsTable } from '@/components/resources/detail/events-table';
import { Section } from '@/components/resources/detail/section';
import { SummaryGrid } from '@/components/resources/detail/summary-grid';
import { YamlButton } from '@/components/resources/detail/yaml-dialog';
import { Button } from '@/components/ui/button';
import { CheckboxField, Field } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { useT } from '@/lib/i18n/client';
import { useLiveList, useLiveObject } from '@/lib/live/use-live-list';
import { tenantHref } from '@/lib/navigation';
import type { Tenant } from '@/lib/tenants/types';
import { deleteVolume, expandVolume } from '@/lib/volumes/actions';
import type { VolumeClass } from '@/lib/volumes/classes';
import { volumeDetailLists } from '@/lib/volumes/live';
import type { VolumePermissions } from '@/lib/volumes/pages';
import { sizeGiOf, volumeSummary, volumeUsers } from '@/lib/volumes/status';
import { useVolumeHealth } from '@/lib/volumes/use-volumes';

import { DataMap } from './data-map';
import { phaseLabel } from './volume-list';
import { ReplicaMarks } from './replica-marks';
import { ReplicaTable } from './replica-table';
import { VolumeSnapshots } from './volume-snapshots';

function ExpandForm({
  namespace,
  name,
  currentGi,
  cls,
}: {
  namespace: string;
  name: string;
  currentGi: number;
  cls: VolumeClass | undefined;
}) {
  const t = useT();
  const toast = useToast();
  const [size, setSize] = useState(String(currentGi + 10));
  const [error, setError] = useState<string>();
  const expand = useAction(expandVolume, {
    onSuccess: ({ sizeGi }) => {
      setError(undefined);
      toast('success', t('volumes.expand.started', { name, size: sizeGi }));
    },
    onError: (e) => setError(e.fields?.sizeGi ?? e.message),
  });
  if (cls && !cls.expandable)
    return (
      <p className="text-sm text-slate-500" data-testid="not-expandable">
        {t('volumes.expand.notAllowed', { cls: cls.name })}
      </p>
    );
  return (
    <form
      className="flex items-end gap-2"
      aria-label={t('volumes.expand.title')}
      onSubmit={(e) => {
        e.preventDefault();
        void expand.run({ namespace, name, sizeGi: size });
      }}
    >
      <Field
        label={t('volumes.expand.sizeGi')}
        name="sizeGi"
        type="number"
        min={1}
        value={size}
        error={error}
        onChange={(e) => setSize(e.target.value)}
      />
      <Button type="submit" disabled={expand.pending}>
        {t('volumes.expand.submit')}
      </Button>
    </form>
  );
}

export function VolumeDetail({
  tenant,
  name,
  can,
  classes,
}: {
  tenant: Tenant;
  name: string;
  can: VolumePermissions;
  classes: VolumeClass[];
}) {
  const t = useT();
  const toast = useToast();
  const router = useRouter();
  const [detach, setDetach] = useState(false);
  const ns = tenant.namespace;
  const lists = volumeDetailLists(ns, name);
  const pvc = useLiveObject({ ...lists.volume, name });
  const vms = useLiveList(lists.vms);
  const snapshots = useLiveList(lists.snapshots);
  const summary = pvc.object ? volumeSummary(pvc.object, volumeUsers(vms.items)) : undefined;
  const { health } = useVolumeHealth(ns, [name], summary ? [summary] : []);
  const listHref = tenantHref(tenant.name, 'volumes');
  const crumbs = (
    <Breadcrumbs
      items={tenantCrumbs(tenant, { label: t('nav.volumes'), href: listHref }, { label: name })}
    />
  );
  if (pvc.error)
    return (
      <div className="space-y-4">
        {crumbs}
        <FormAlert message={pvc.error.message} />
      </div>
    );
  if (pvc.isLoading) return <p>{t('common.loading')}</p>;
  if (!pvc.object || !summary)
    return (
      <div className="space-y-4" data-testid="gone">
        {crumbs}
        <h1 className="text-2xl font-semibold">{name}</h1>
        <p className="text-slate-500">{t('volumes.gone')}</p>
        <Link className="text-indigo-600" href={listHref}>
          {t('volumes.all')}
        </Link>
      </div>
    );
  const v = summary;
  const cls = classes.find((c) => c.name === v.storageClass);
  const replicas = health?.ok ? health.volumes[name] : undefined;
  const nodes = health?.ok ? health.nodes : [];
  const currentGi = sizeGiOf(v);
  const cloneHref = `${tenantHref(tenant.name, 'volumes', 'new')}?${new URLSearchParams({
    sourceKind: 'volume',
    sourceName: name,
    sizeGi: String(currentGi),
    storageClass: v.storageClass ?? '',
  }).toString()}`;
  return (
    <div className="space-y-8">
      {crumbs}
      <DetailHeader
        title={name}
        badge={
          <span
            className="rounded bg-slate-100 px-2 py-0.5 text-sm dark:bg-slate-800"
            data-testid="volume-phase"
          >
            {phaseLabel(t, v.phase)}
          </span>
        }
        summary={<ReplicaMarks volume={v} health={replicas} unavailable={health?.ok === false} />}
        actions={
          <>
            {can.create && v.phase === 'Bound' && (
              <Link
                href={cloneHref}
                className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
              >
                {t('volumes.clone')}
              </Link>
            )}
            <YamlButton object={pvc.object} />
            {can.delete && v.phase !== 'Terminating' && (
              <DeleteDialog
                name={name}
                kindLabel={t({ key: 'model.persistentvolumeclaims', lower: true })}
                intro={
                  v.usedBy.length
                    ? t('volumes.delete.inUse', { vms: v.usedBy.join(', ') })
                    : t('volumes.delete.intro')
                }
                remove={(confirm) => deleteVolume({ namespace: ns, name, detach, confirm })}
                onDeleted={() => {
                  toast('success', t('volumes.delete.started', { name }));
                  router.push(listHref);
                }}
              >
                {v.usedBy.length > 0 && (
                  <CheckboxField
                    label={t('volumes.delete.detach')}
                    checked={detach}
                    onChange={(e) => setDetach(e.target.checked)}
                  />
                )}
              </DeleteDialog>
            )}
          </>
        }
      />
      <SummaryGrid
        items={[
          {
            id: 'capacity',
            label: t('volumes.column.capacity'),
            value: (
              <span data-testid="volume-capacity">
                {v.capacity ?? v.requested ?? '—'}
                {v.resizing ? ` → ${v.requested ?? ''}` : ''}
              </span>
            ),
          },
          { id: 'class', label: t('volumes.detail.class'), value: v.storageClass ?? '—' },
          { id: 'mode', label: t('volumes.column.mode'), value: v.volumeMode },
          { id: 'access', label: t('volumes.detail.access'), value: v.accessModes.join(', ') },
          {
            id: 'pv',
            label: t('volumes.detail.pv'),
            value: <span className="font-mono text-xs">{v.pvName ?? '—'}</span>,
          },
          {
            id: 'usedBy',
            label: t('volumes.column.usedBy'),
            value: v.usedBy.join(', ') || '—',
          },
          ...(v.source
            ? [
                {
                  id: 'source',
                  label: t('volumes.detail.source'),
                  value: `${v.source.kind} ${v.source.name}`,
                },
              ]
            : []),
        ]}
      />
      {can.change && v.phase === 'Bound' && (
        <Section title={t('volumes.expand.title')}>
          <ExpandForm namespace={ns} name={name} currentGi={currentGi} cls={cls} />
        </Section>
      )}
      <Section title={t('volumes.replicas.title')}>
        {health && !health.ok ? (
          <div data-testid="health-unavailable">
            <FormAlert message={t('volumes.health.unavailable', { reason: t(health.reason) })} />
          </div>
        ) : replicas ? (
          <ReplicaTable health={replicas} nodes={nodes} />
        ) : (
          <p className="text-sm text-slate-500">
            {t(v.pvName ? 'common.loading' : 'volumes.replicas.notProvisioned')}
          </p>
        )}
      </Section>
      <Section title={t('volumes.map.title')}>
        <DataMap
          root={v.usedBy[0]}
          disks={[{ label: name, volume: name, ...(replicas ? { health: replicas } : {}) }]}
          nodes={nodes}
        />
      </Section>
      <Section title={t('volumes.snapshots.title')}>
        <VolumeSnapshots
          tenant={tenant}
          volume={name}
          storageClass={v.storageClass}
          snapshots={snapshots.items}
          canTake={can.snapshot && v.phase === 'Bound'}
          canRestore={can.create}
        />
      </Section>
      <Section title={t('clusters.events')}>
        <EventsTable sub={lists.events} />
      </Section>
    </div>
  );
}
