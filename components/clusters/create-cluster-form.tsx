'use client';

import { useRouter } from 'next/navigation';
import { useMemo } from 'react';

import { useActionForm } from '@/components/forms/use-action-form';
import { useLazyModule } from '@/components/forms/use-lazy-module';
import { CreateFormFooter } from '@/components/forms/create-form-footer';
import { CreateForm } from '@/components/forms/create-form';
import { ClusterOptionsFields } from '@/components/clusters/cluster-options-fields';
import { NodeGroupFields } from '@/components/clusters/node-group-fields';
import { Button } from '@/components/ui/button';
import { Field, SelectField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { createCluster } from '@/lib/clusters/actions';
import {
  defaultNodeGroup,
  nodeGroupDraft,
  type ClusterDraft,
  type NodeGroupDraft,
} from '@/lib/clusters/draft';
import type { InstancetypeOption } from '@/lib/clusters/sizes';
import { useT } from '@/lib/i18n/client';
import { useLiveList } from '@/lib/live/use-live-list';
import { tenantHref } from '@/lib/navigation';
import type { PlatformConfig } from '@/lib/platform/config';
import type { Tenant } from '@/lib/tenants/types';

export function CreateClusterForm({
  tenant,
  platform,
  instancetypes,
  storageClasses,
}: {
  tenant: Tenant;
  platform: PlatformConfig;
  instancetypes: InstancetypeOption[];
  storageClasses: string[];
}) {
  const router = useRouter();
  const t = useT();
  const toast = useToast();
  const listHref = tenantHref(tenant.name, 'clusters');
  const versions = Object.keys(platform.workers.images);
  const firstClass = storageClasses.includes('replicated')
    ? 'replicated'
    : (storageClasses[0] ?? '');
  const sizes = useMemo(
    () => new Map(instancetypes.map(({ name, cpu, memoryGi }) => [name, { cpu, memoryGi }])),
    [instancetypes],
  );
  // The default size when the platform has it, else the smallest there is, else custom.
  const firstType = sizes.has(defaultNodeGroup.instancetype)
    ? defaultNodeGroup.instancetype
    : (instancetypes[0]?.name ?? '');
  const newGroup = (patch: Partial<NodeGroupDraft>): NodeGroupDraft => ({
    ...nodeGroupDraft(defaultNodeGroup),
    instancetype: firstType,
    storageClass: firstClass,
    ...patch,
  });
  const initial: ClusterDraft = {
    name: '',
    version: versions.at(-1) ?? '',
    controlPlaneReplicas: '2',
    nodeGroups: [newGroup({})],
    podCidr: '10.243.0.0/16',
    serviceCidr: '10.95.0.0/16',
    addons: platform.addons.filter((a) => a.defaultEnabled && !a.required).map((a) => a.id),
    personalAccess: false,
    controlPlanePreset: platform.controlPlane.defaultPreset ?? '',
  };
  const kit = useLazyModule(() => import('@/lib/clusters/create-kit'));
  const form = useActionForm({
    draftKey: `create-cluster:${tenant.name}`,
    initial,
    schema: kit.module?.createClusterSchema,
    schemaFailed: kit.failed,
    submit: (cluster: ClusterDraft) => createCluster({ namespace: tenant.namespace, cluster }),
    onSuccess: ({ name }) => {
      toast('success', t('clusters.new.created', { name }));
      router.push(tenantHref(tenant.name, 'clusters', name));
    },
  });
  const { draft, setDraft, errors, parsed } = form;
  const quotas = useLiveList({ model: 'resourcequotas', namespace: tenant.namespace });
  const ready = kit.module && parsed?.success ? { kit: kit.module, input: parsed.data } : undefined;
  const shortfall = ready ? ready.kit.quotaShortfall(quotas.items, ready.input, sizes) : [];
  const groups = draft.nodeGroups;
  const setGroup = (i: number, patch: Partial<NodeGroupDraft>) =>
    setDraft({ ...draft, nodeGroups: groups.map((g, j) => (j === i ? { ...g, ...patch } : g)) });
  // The same builder the server runs, so the preview is exactly what will be created.
  const ctx = ready
    ? ready.kit.previewContext(
        { namespace: tenant.namespace, tenant: tenant.name },
        platform,
        sizes,
        ready.input,
      )
    : undefined;
  const objects = () => (ready && ctx ? ready.kit.buildCluster(ready.input, ctx).objects : []);

  return (
    <CreateForm
      label={t('clusters.create')}
      onSubmit={form.onSubmit}
      tenant={tenant}
      list={{ label: t('nav.clusters'), href: listHref }}
      crumb={t('clusters.new.crumb')}
      title={t('clusters.new.title')}
      error={form.formError}
    >
      <section className="grid gap-4 sm:grid-cols-3">
        <Field
          label={t('clusters.new.name')}
          name="name"
          value={draft.name}
          autoComplete="off"
          error={errors.name}
          hint={t('clusters.new.nameHint')}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        <SelectField
          label={t('clusters.new.version')}
          name="version"
          value={draft.version}
          error={errors.version}
          onChange={(e) => setDraft({ ...draft, version: e.target.value })}
        >
          {versions.map((v) => (
            <option key={v}>{v}</option>
          ))}
        </SelectField>
        <Field
          label={t('clusters.new.cpReplicas')}
          name="controlPlaneReplicas"
          type="number"
          min={1}
          max={5}
          value={draft.controlPlaneReplicas}
          error={errors.controlPlaneReplicas}
          onChange={(e) => setDraft({ ...draft, controlPlaneReplicas: e.target.value })}
        />
      </section>
      <section aria-labelledby="groups" className="space-y-4">
        <div className="flex items-center justify-between">
          <h2 id="groups" className="text-lg font-medium">
            {t('clusters.new.nodeGroups')}
          </h2>
          <Button
            onClick={() =>
              setDraft({
                ...draft,
                nodeGroups: [
                  ...groups,
                  newGroup({
                    name: `group-${groups.length + 1}`,
                    storageClass: groups[0]?.storageClass ?? firstClass,
                  }),
                ],
              })
            }
          >
            {t('clusters.new.addGroup')}
          </Button>
        </div>
        {errors.nodeGroups && <p className="text-sm text-red-600">{errors.nodeGroups}</p>}
        {groups.map((g, i) => (
          <NodeGroupFields
            key={i}
            index={i}
            group={g}
            storageClasses={storageClasses}
            instancetypes={instancetypes}
            autoscaler={platform.workers.autoscaler}
            errors={errors}
            onChange={(patch) => setGroup(i, patch)}
            onRemove={
              groups.length > 1
                ? () => setDraft({ ...draft, nodeGroups: groups.filter((_, j) => j !== i) })
                : undefined
            }
          />
        ))}
      </section>
      <section className="space-y-4">
        <ClusterOptionsFields
          platform={platform}
          value={draft}
          errors={errors}
          onChange={(patch) => setDraft({ ...draft, ...patch })}
        />
      </section>
      <section className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t('clusters.new.podCidr')}
          value={draft.podCidr}
          error={errors.podCidr}
          onChange={(e) => setDraft({ ...draft, podCidr: e.target.value })}
        />
        <Field
          label={t('clusters.new.serviceCidr')}
          value={draft.serviceCidr}
          error={errors.serviceCidr}
          onChange={(e) => setDraft({ ...draft, serviceCidr: e.target.value })}
        />
      </section>
      <CreateFormFooter
        shortfall={shortfall}
        quotaTitle={t('clusters.new.quota')}
        cancelHref={listHref}
        validate={form.validate}
        objects={objects}
        yamlTitle={t('clusters.new.yamlTitle')}
        submitLabel={t('clusters.create')}
        pendingLabel={t('clusters.new.creating')}
        pending={form.pending}
      />
    </CreateForm>
  );
}
