'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';

import { PhaseBadge } from '@/components/clusters/cluster-list';
import { ConfirmDelete } from '@/components/resources/confirm-delete';
import { ResourceTable } from '@/components/resources/resource-table';
import { YamlButton } from '@/components/resources/yaml-view';
import { SESSION_EXPIRED_EVENT } from '@/components/shell/session-banner';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import {
  deleteCluster,
  previewClusterDelete,
  scaleClusterNodeGroup,
  upgradeCluster,
} from '@/lib/clusters/actions';
import { clusterDetailLists } from '@/lib/clusters/live';
import type { DeletePreviewItem } from '@/lib/clusters/server';
import { summarizeCluster } from '@/lib/clusters/status';
import { upgradeTargets } from '@/lib/clusters/versions';
import type { ActionResult } from '@/lib/actions/result';
import type { Condition } from '@/lib/k8s/types';
import { useT } from '@/lib/i18n/client';
import { useLiveList } from '@/lib/live/use-live-list';
import type { Tenant } from '@/lib/tenants/types';

export interface ClusterPermissions {
  scale: boolean;
  upgrade: boolean;
  delete: boolean;
}

export function ClusterDetail({
  tenant,
  name,
  versions,
  can,
}: {
  tenant: Tenant;
  name: string;
  versions: string[];
  can: ClusterPermissions;
}) {
  const t = useT();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const [clustersSub, cpSub, mdSub, machinesSub, eventsSub] = clusterDetailLists(
    tenant.namespace,
    name,
  );
  const clusters = useLiveList(clustersSub ?? { model: 'clusters' });
  const cps = useLiveList(cpSub ?? { model: 'kamajicontrolplanes' });
  const mds = useLiveList(mdSub ?? { model: 'machinedeployments' });
  const machines = useLiveList(machinesSub ?? { model: 'machines' });
  const events = useLiveList(eventsSub ?? { model: 'events' });
  const cluster = clusters.items.find((c) => c.metadata?.name === name);
  const cp = cps.items.find((c) => c.metadata?.name === name);

  const run = (label: string, action: () => Promise<ActionResult<unknown>>) =>
    startTransition(async () => {
      const r = await action();
      if (r.ok) toast('success', label);
      else {
        if (r.error.code === 'unauthenticated')
          window.dispatchEvent(new Event(SESSION_EXPIRED_EVENT));
        toast('error', r.error.message);
      }
    });

  if (clusters.isLoading) return <p>Loading…</p>;
  if (!cluster) {
    return (
      <div className="space-y-4" data-testid="gone">
        <h1 className="text-2xl font-semibold">{name}</h1>
        <p className="text-slate-500">{t('clusters.gone')}</p>
        <Link className="text-indigo-600" href={`/t/${tenant.name}/clusters`}>
          {t('clusters.all')}
        </Link>
      </div>
    );
  }
  const s = summarizeCluster(cluster, cp, mds.items);
  const conditions = (
    (cluster.status as { conditions?: Condition[] } | undefined)?.conditions ?? []
  )
    .slice()
    .sort((a, b) => a.type.localeCompare(b.type));
  const targets = s.controlPlane.desiredVersion
    ? upgradeTargets(s.controlPlane.desiredVersion, versions)
    : [];
  const nodeGroupsBehind =
    s.controlPlane.ready &&
    s.controlPlane.version === s.controlPlane.desiredVersion &&
    s.nodeGroups.some((g) => g.version !== s.controlPlane.desiredVersion);

  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href={`/t/${tenant.name}`}>{tenant.displayName}</Link> /{' '}
        <Link href={`/t/${tenant.name}/clusters`}>{t('nav.clusters')}</Link> /{' '}
        <span aria-current="page">{name}</span>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="flex items-center gap-3 text-2xl font-semibold">
            {name} <PhaseBadge phase={s.phase} ready={s.ready} />
          </h1>
          <p
            className="mt-1 text-sm text-slate-600 dark:text-slate-300"
            data-testid="cluster-summary"
          >
            {s.summary}
          </p>
        </div>
        <div className="flex gap-2">
          <YamlButton object={cluster} />
          {can.delete && !s.deleting && <DeleteCluster tenant={tenant} name={name} />}
        </div>
      </div>

      <dl className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4 dark:border-slate-800 dark:bg-slate-900">
        <Item label={t('clusters.controlPlane')}>
          {s.controlPlane.ready ? t('clusters.ready') : t('clusters.notReady')} (
          {s.controlPlane.readyReplicas}/{s.controlPlane.replicas})
        </Item>
        <Item label={t('clusters.version')}>
          <span data-testid="cp-version">{s.controlPlane.version ?? '—'}</span>
          {s.controlPlane.desiredVersion && s.controlPlane.desiredVersion !== s.controlPlane.version
            ? ` → ${s.controlPlane.desiredVersion}`
            : ''}
        </Item>
        <Item label={t('clusters.workers')}>
          {t('clusters.workersReady', { ready: s.workersReady, total: s.workersDesired })}
        </Item>
        <Item label={t('clusters.endpoint')}>
          <span className="font-mono text-xs">{s.endpoint ?? '—'}</span>
        </Item>
      </dl>

      {can.upgrade && (targets.length > 0 || nodeGroupsBehind) && (
        <section aria-labelledby="upgrade" className="space-y-2">
          <h2 id="upgrade" className="text-lg font-medium">
            {t('clusters.upgrade')}
          </h2>
          <div className="flex flex-wrap gap-2">
            {targets.map((v) => (
              <Button
                key={v}
                disabled={pending}
                onClick={() =>
                  run(`Upgrading control plane to ${v}`, () =>
                    upgradeCluster(tenant.namespace, name, 'controlPlane', v),
                  )
                }
              >
                {t('clusters.upgradeCp', { version: v })}
              </Button>
            ))}
            {nodeGroupsBehind && (
              <Button
                tone="primary"
                disabled={pending}
                onClick={() =>
                  run('Upgrading node groups', () =>
                    upgradeCluster(tenant.namespace, name, 'nodeGroups'),
                  )
                }
              >
                {t('clusters.upgradeGroups', { version: s.controlPlane.desiredVersion ?? '' })}
              </Button>
            )}
          </div>
        </section>
      )}

      <section aria-labelledby="groups" className="space-y-2">
        <h2 id="groups" className="text-lg font-medium">
          {t('clusters.new.nodeGroups')}
        </h2>
        <table
          className="w-full rounded-lg border border-slate-200 bg-white text-sm dark:border-slate-800 dark:bg-slate-900"
          aria-label={t('clusters.new.nodeGroups')}
        >
          <thead className="text-left text-xs text-slate-500 uppercase">
            <tr>
              <th className="px-4 py-2">{t('clusters.group')}</th>
              <th className="px-4 py-2">{t('clusters.ready')}</th>
              <th className="px-4 py-2">{t('clusters.version')}</th>
              <th className="px-4 py-2">{t('clusters.size')}</th>
            </tr>
          </thead>
          <tbody>
            {s.nodeGroups.map((g) => (
              <tr
                key={g.name}
                data-testid="node-group-row"
                data-name={g.name}
                className="border-t border-slate-100 dark:border-slate-800"
              >
                <td className="px-4 py-2 font-medium">{g.name}</td>
                <td className="px-4 py-2" data-column="ready">
                  {g.ready}/{g.desired}
                </td>
                <td className="px-4 py-2">{g.version ?? '—'}</td>
                <td className="px-4 py-2">
                  {can.scale ? (
                    <ScaleControl
                      key={`${g.desired}-${g.autoscale?.min}-${g.autoscale?.max}`}
                      group={g.name}
                      desired={g.desired}
                      autoscale={g.autoscale}
                      disabled={pending}
                      onScale={(size) =>
                        run(`Scaling ${g.name}`, () =>
                          scaleClusterNodeGroup(tenant.namespace, g.machineDeployment, size),
                        )
                      }
                    />
                  ) : g.autoscale ? (
                    `${g.autoscale.min}–${g.autoscale.max}`
                  ) : (
                    g.desired
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {conditions.length > 0 && (
        <section aria-labelledby="conditions" className="space-y-2">
          <h2 id="conditions" className="text-lg font-medium">
            {t('clusters.conditions')}
          </h2>
          <ResourceTable
            label={t('clusters.conditions')}
            nameHeader={t('clusters.type')}
            items={conditions.map((c) => ({ metadata: { name: c.type, uid: c.type }, ...c }))}
            columns={[
              { id: 'status', header: t('common.status'), path: 'status' },
              { id: 'reason', header: t('clusters.reason'), path: 'reason' },
              { id: 'message', header: t('clusters.message'), path: 'message' },
            ]}
          />
        </section>
      )}

      <section aria-labelledby="machines" className="space-y-2">
        <h2 id="machines" className="text-lg font-medium">
          {t('clusters.machines')}
        </h2>
        <ResourceTable
          label={t('clusters.machines')}
          items={machines.items}
          isLoading={machines.isLoading}
          columns={[
            { id: 'phase', header: t('clusters.phase'), path: 'status.phase' },
            { id: 'node', header: t('clusters.node'), path: 'status.nodeRef.name' },
            { id: 'version', header: t('clusters.version'), path: 'spec.version' },
            {
              id: 'age',
              header: t('common.age'),
              path: 'metadata.creationTimestamp',
              format: 'age',
            },
          ]}
        />
      </section>

      <section aria-labelledby="events" className="space-y-2">
        <h2 id="events" className="text-lg font-medium">
          {t('clusters.events')}
        </h2>
        <ResourceTable
          label={t('clusters.events')}
          nameHeader={null}
          items={events.items}
          sortBy={(a, b) => eventTime(b).localeCompare(eventTime(a))}
          columns={[
            { id: 'reason', header: t('clusters.reason'), path: 'reason' },
            { id: 'message', header: t('clusters.message'), path: 'message' },
            { id: 'when', header: t('clusters.when'), path: 'lastTimestamp', format: 'age' },
          ]}
        />
      </section>
    </div>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ScaleControl({
  group,
  desired,
  autoscale,
  disabled,
  onScale,
}: {
  group: string;
  desired: number;
  autoscale?: { min: number; max: number };
  disabled: boolean;
  onScale: (size: { replicas: number } | { min: number; max: number }) => void;
}) {
  const [replicas, setReplicas] = useState(String(desired));
  const [min, setMin] = useState(String(autoscale?.min ?? 1));
  const [max, setMax] = useState(String(autoscale?.max ?? 3));
  const t = useT();
  const input =
    'w-16 rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-950';
  return (
    <form
      className="flex items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onScale(
          autoscale ? { min: Number(min), max: Number(max) } : { replicas: Number(replicas) },
        );
      }}
    >
      {autoscale ? (
        <>
          <input
            aria-label={`${group} minimum nodes`}
            className={input}
            type="number"
            min={0}
            max={50}
            value={min}
            onChange={(e) => setMin(e.target.value)}
          />
          –
          <input
            aria-label={`${group} maximum nodes`}
            className={input}
            type="number"
            min={1}
            max={50}
            value={max}
            onChange={(e) => setMax(e.target.value)}
          />
        </>
      ) : (
        <input
          aria-label={`${group} nodes`}
          className={input}
          type="number"
          min={0}
          max={50}
          value={replicas}
          onChange={(e) => setReplicas(e.target.value)}
        />
      )}
      <Button type="submit" disabled={disabled}>
        {t('clusters.scale')}
      </Button>
    </form>
  );
}

function DeleteCluster({ tenant, name }: { tenant: Tenant; name: string }) {
  const toast = useToast();
  const router = useRouter();
  const t = useT();
  const [items, setItems] = useState<DeletePreviewItem[]>();
  return (
    <ConfirmDelete
      name={name}
      what="cluster"
      confirmLabel={t('clusters.delete.confirm')}
      onOpen={() =>
        void previewClusterDelete(tenant.namespace, name).then((r) =>
          r.ok ? setItems(r.data) : toast('error', r.error.message),
        )
      }
      onConfirm={async () => {
        const r = await deleteCluster(tenant.namespace, name, name);
        if (!r.ok) {
          toast('error', r.error.message);
          return;
        }
        toast('success', t('clusters.delete.started', { name }));
        router.push(`/t/${tenant.name}/clusters`);
      }}
    >
      <p className="text-sm">{t('clusters.delete.intro')}</p>
      <ul
        data-testid="delete-preview"
        className="my-3 max-h-48 overflow-auto rounded-md bg-slate-100 p-3 font-mono text-xs dark:bg-slate-800"
      >
        {items === undefined ? (
          <li>Loading…</li>
        ) : (
          items.map((i) => <li key={`${i.kind}/${i.name}`}>{`${i.kind} ${i.name}`}</li>)
        )}
      </ul>
    </ConfirmDelete>
  );
}

function eventTime(e: {
  lastTimestamp?: unknown;
  eventTime?: unknown;
  metadata?: { creationTimestamp?: string };
}): string {
  return String(e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? '');
}
