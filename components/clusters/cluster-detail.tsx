'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';

import { Age } from '@/components/ui/age';
import { AddonsSection } from '@/components/clusters/addons-section';
import { ClusterBadge, phaseLabel } from '@/components/clusters/cluster-badge';
import { HealthChecksSection } from '@/components/clusters/health-checks-section';
import { NodeGroups } from '@/components/clusters/node-groups';
import { UpgradeControls } from '@/components/clusters/upgrade-controls';
import { Breadcrumbs, tenantCrumbs } from '@/components/resources/detail/breadcrumbs';
import { ConditionsTable } from '@/components/resources/detail/conditions-table';
import { DeleteDialog } from '@/components/resources/detail/delete-dialog';
import { DetailHeader } from '@/components/resources/detail/detail-header';
import { EventsTable } from '@/components/resources/detail/events-table';
import { Section } from '@/components/resources/detail/section';
import { SummaryGrid } from '@/components/resources/detail/summary-grid';
import { YamlButton } from '@/components/resources/detail/yaml-dialog';
import { ObjectTable } from '@/components/resources/registry-columns';
import type { Column } from '@/components/resources/table/data-table';
import { FormAlert } from '@/components/forms/form-alert';
import { useToast } from '@/components/ui/toast';
import { deleteCluster, previewClusterDelete } from '@/lib/clusters/actions';
import type { AddonInfo } from '@/lib/clusters/addon-status';
import { healthChecks } from '@/lib/clusters/health-checks';
import { clusterDetailLists } from '@/lib/clusters/live';
import { summarizeCluster } from '@/lib/clusters/status';
import type { MachineObject } from '@/lib/clusters/types';
import { useT } from '@/lib/i18n/client';
import type { Translate } from '@/lib/i18n/messages';
import { conditionsOf } from '@/lib/k8s/conditions';
import { useLiveList } from '@/lib/live/use-live-list';
import { tenantHref } from '@/lib/navigation';
import type { Tenant } from '@/lib/tenants/types';

export interface ClusterPermissions {
  scale: boolean;
  upgrade: boolean;
  delete: boolean;
  addons: boolean;
}

const machineColumns = (t: Translate): Column<MachineObject>[] => [
  {
    id: 'name',
    header: 'common.name',
    cell: (m) => m.metadata?.name,
    sortValue: (m) => m.metadata?.name,
    filterValue: (m) => m.metadata?.name,
  },
  { id: 'phase', header: 'column.phase', cell: (m) => phaseLabel(t, m.status?.phase) },
  { id: 'node', header: 'column.node', cell: (m) => m.status?.nodeRef?.name ?? '—' },
  { id: 'version', header: 'column.version', cell: (m) => m.spec?.version ?? '—' },
  { id: 'age', header: 'common.age', cell: (m) => <Age at={m.metadata?.creationTimestamp} /> },
];

export function ClusterDetail({
  tenant,
  name,
  versions,
  addons,
  can,
}: {
  tenant: Tenant;
  name: string;
  versions: string[];
  /** The platform's add-on catalog. */
  addons: AddonInfo[];
  can: ClusterPermissions;
}) {
  const t = useT();
  const toast = useToast();
  const router = useRouter();
  const lists = clusterDetailLists(tenant.namespace, name);
  const clusters = useLiveList(lists.clusters);
  const cps = useLiveList(lists.controlPlanes);
  const mds = useLiveList(lists.machineDeployments);
  const machines = useLiveList(lists.machines);
  const releases = useLiveList(lists.releases);
  const mhcs = useLiveList(lists.healthChecks);
  const cluster = clusters.items.find((c) => c.metadata?.name === name);
  const cp = cps.items.find((c) => c.metadata?.name === name);
  const listHref = tenantHref(tenant.name, 'clusters');
  const crumbs = (
    <Breadcrumbs
      items={tenantCrumbs(tenant, { label: t('nav.clusters'), href: listHref }, { label: name })}
    />
  );

  if (clusters.error)
    return (
      <div className="space-y-4">
        {crumbs}
        <FormAlert message={clusters.error.message} />
      </div>
    );
  if (clusters.isLoading) return <p>{t('common.loading')}</p>;
  if (!cluster) {
    return (
      <div className="space-y-4" data-testid="gone">
        {crumbs}
        <h1 className="text-2xl font-semibold">{name}</h1>
        <p className="text-slate-500">{t('clusters.gone')}</p>
        <Link className="text-indigo-600" href={listHref}>
          {t('clusters.all')}
        </Link>
      </div>
    );
  }
  const s = summarizeCluster(cluster, cp, mds.items, {
    machines: machines.items,
    releases: releases.items,
    catalog: addons,
  });
  return (
    <div className="space-y-8">
      {crumbs}
      <DetailHeader
        title={name}
        badge={<ClusterBadge summary={s} />}
        summary={t(s.summary)}
        summaryTestId="cluster-summary"
        actions={
          <>
            <YamlButton object={cluster} />
            {can.delete && !s.deleting && (
              <DeleteDialog
                name={name}
                kindLabel={t({ key: 'model.clusters', lower: true })}
                intro={t('clusters.delete.intro')}
                confirmLabel={t('clusters.delete.confirm')}
                preview={() => previewClusterDelete({ namespace: tenant.namespace, cluster: name })}
                remove={(confirm) =>
                  deleteCluster({ namespace: tenant.namespace, cluster: name, confirm })
                }
                onDeleted={() => {
                  toast('success', t('clusters.delete.started', { name }));
                  router.push(listHref);
                }}
              />
            )}
          </>
        }
      />
      <SummaryGrid
        items={[
          {
            id: 'control-plane',
            label: t('clusters.controlPlane'),
            value: `${s.controlPlane.ready ? t('clusters.ready') : t('clusters.notReady')} (${s.controlPlane.readyReplicas}/${s.controlPlane.replicas})`,
          },
          {
            id: 'version',
            label: t('column.version'),
            value: (
              <>
                <span data-testid="cp-version">{s.controlPlane.version ?? '—'}</span>
                {s.controlPlane.desiredVersion &&
                s.controlPlane.desiredVersion !== s.controlPlane.version
                  ? ` → ${s.controlPlane.desiredVersion}`
                  : ''}
              </>
            ),
          },
          {
            id: 'workers',
            label: t('clusters.workers'),
            value: t('clusters.workersReady', { ready: s.workersReady, total: s.workersDesired }),
          },
          {
            id: 'endpoint',
            label: t('clusters.endpoint'),
            value: <span className="font-mono text-xs">{s.endpoint ?? '—'}</span>,
          },
        ]}
      />
      {can.upgrade && (
        <UpgradeControls namespace={tenant.namespace} summary={s} versions={versions} />
      )}
      <Section title={t('clusters.new.nodeGroups')}>
        <NodeGroups namespace={tenant.namespace} groups={s.nodeGroups} canScale={can.scale} />
      </Section>
      <Section title={t('clusters.health.title')}>
        <HealthChecksSection checks={healthChecks(mhcs.items, machines.items)} />
      </Section>
      <Section title={t('clusters.addons')}>
        <AddonsSection
          namespace={tenant.namespace}
          cluster={name}
          catalog={addons}
          releases={releases.items}
          canChange={can.addons && !s.deleting}
        />
      </Section>
      <ConditionsTable conditions={conditionsOf(cluster)} />
      <Section title={t('clusters.machines')}>
        <ObjectTable
          label={t('clusters.machines')}
          rows={machines.items}
          columns={machineColumns(t)}
          isLoading={machines.isLoading}
        />
      </Section>
      <Section title={t('clusters.events')}>
        <EventsTable sub={lists.events} />
      </Section>
    </div>
  );
}
