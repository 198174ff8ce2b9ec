'use client';

import { useRouter } from 'next/navigation';
import { useMemo } from 'react';

import { CreateFormFooter } from '@/components/forms/create-form-footer';
import { CreateForm } from '@/components/forms/create-form';
import { useActionForm } from '@/components/forms/use-action-form';
import { useLazyModule } from '@/components/forms/use-lazy-module';
import { CheckboxField, Field, SelectField, TextAreaField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import type { InstancetypeOption } from '@/lib/clusters/sizes';
import { useT } from '@/lib/i18n/client';
import { useLiveList } from '@/lib/live/use-live-list';
import { tenantHref } from '@/lib/navigation';
import type { BootSource, PlatformConfig } from '@/lib/platform/config';
import type { Tenant } from '@/lib/tenants/types';
import { createVm } from '@/lib/vms/actions';
import type { CreateVmDraft } from '@/lib/vms/schema';
import { defaultVm } from '@/lib/vms/draft';

import { DataDiskFields } from './data-disk-fields';

export function CreateVmForm({
  tenant,
  vms,
  instancetypes,
  preferences,
  storageClasses,
}: {
  tenant: Tenant;
  vms: PlatformConfig['virtualMachines'];
  instancetypes: InstancetypeOption[];
  preferences: string[];
  storageClasses: string[];
}) {
  const t = useT();
  const router = useRouter();
  const toast = useToast();
  const listHref = tenantHref(tenant.name, 'virtualmachines');
  const catalog: BootSource[] = vms.bootSources;
  const kit = useLazyModule(() => import('@/lib/vms/create-kit'));
  const schema = useMemo(() => kit.module?.createVmSchemaFor(catalog), [kit.module, catalog]);
  const sizes = useMemo(
    () => new Map(instancetypes.map(({ name, cpu, memoryGi }) => [name, { cpu, memoryGi }])),
    [instancetypes],
  );
  const firstClass = storageClasses.includes('replicated')
    ? 'replicated'
    : (storageClasses[0] ?? '');
  const first = catalog[0];
  const initial: CreateVmDraft = {
    ...defaultVm,
    bootSource: first?.id ?? '',
    instancetype: first?.defaultInstancetype ?? instancetypes[0]?.name ?? '',
    rootDiskGi: Math.max(20, first?.minDiskGi ?? 0),
    storageClass: firstClass,
  };
  const form = useActionForm({
    draftKey: `create-vm:${tenant.name}`,
    initial,
    schema,
    schemaFailed: kit.failed,
    submit: (vm: CreateVmDraft) => createVm({ namespace: tenant.namespace, vm }),
    onSuccess: ({ name }) => {
      toast('success', t('vms.new.created', { name }));
      router.push(tenantHref(tenant.name, 'virtualmachines', name));
    },
  });
  const { draft, setDraft, errors, parsed } = form;
  const set = (patch: Partial<CreateVmDraft>) => setDraft({ ...draft, ...patch });
  const quotas = useLiveList({ model: 'resourcequotas', namespace: tenant.namespace });
  const shortfall =
    kit.module && parsed?.success
      ? kit.module.vmQuotaShortfall(quotas.items, parsed.data, sizes)
      : [];
  const source = catalog.find((b) => b.id === draft.bootSource);
  // The same builder the server runs, so the preview is exactly what will be created.
  const objects = () =>
    kit.module && parsed?.success
      ? Object.values(
          kit.module.buildVm(parsed.data, { namespace: tenant.namespace, vms }, source),
        ).filter(Boolean)
      : [];
  const pickSource = (id: string) => {
    const s = catalog.find((b) => b.id === id);
    set({
      bootSource: id,
      ...(s?.defaultInstancetype && sizes.has(s.defaultInstancetype)
        ? { instancetype: s.defaultInstancetype }
        : {}),
      preference: '',
      rootDiskGi: Math.max(Number(draft.rootDiskGi) || 0, s?.minDiskGi ?? 0),
    });
  };

  return (
    <CreateForm
      label={t('vms.create')}
      onSubmit={form.onSubmit}
      tenant={tenant}
      list={{ label: t('nav.vms'), href: listHref }}
      crumb={t('vms.new.crumb')}
      title={t('vms.new.title')}
      error={form.formError}
    >
      <section className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t('vms.new.name')}
          name="name"
          value={draft.name}
          autoComplete="off"
          error={errors.name}
          hint={t('clusters.new.nameHint')}
          onChange={(e) => set({ name: e.target.value })}
        />
        <SelectField
          label={t('vms.new.bootSource')}
          name="bootSource"
          value={draft.bootSource}
          error={errors.bootSource}
          onChange={(e) => pickSource(e.target.value)}
        >
          {catalog.map((b) => (
            <option key={b.id} value={b.id}>
              {b.displayName}
            </option>
          ))}
          <option value="">{t('vms.new.blank')}</option>
        </SelectField>
      </section>
      <section className="grid gap-4 sm:grid-cols-4" aria-label={t('vms.new.size')}>
        <SelectField
          label={t('vms.new.size')}
          name="instancetype"
          value={draft.instancetype}
          error={errors.instancetype}
          onChange={(e) => set({ instancetype: e.target.value })}
        >
          {instancetypes.map((i) => (
            <option key={i.name} value={i.name}>
              {t('clusters.new.instancetypeOption', {
                name: i.name,
                cpu: i.cpu,
                memory: i.memoryGi,
              })}
            </option>
          ))}
          <option value="">{t('clusters.new.instancetypeCustom')}</option>
        </SelectField>
        {!draft.instancetype && (
          <>
            <Field
              label={t('column.cpu')}
              name="cpu"
              type="number"
              min={1}
              value={String(draft.cpu ?? '')}
              error={errors.cpu}
              onChange={(e) => set({ cpu: e.target.value })}
            />
            <Field
              label={t('vms.new.memoryGi')}
              name="memoryGi"
              type="number"
              min={1}
              value={String(draft.memoryGi ?? '')}
              error={errors.memoryGi}
              onChange={(e) => set({ memoryGi: e.target.value })}
            />
          </>
        )}
        <SelectField
          label={t('vms.new.preference')}
          name="preference"
          value={draft.preference}
          error={errors.preference}
          onChange={(e) => set({ preference: e.target.value })}
        >
          <option value="">
            {source?.preference
              ? t('vms.new.preferenceOfImage', { name: source.preference })
              : t('vms.new.noPreference')}
          </option>
          {preferences.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </SelectField>
      </section>
      <section className="grid gap-4 sm:grid-cols-2" aria-label={t('vms.new.disks')}>
        <Field
          label={t('vms.new.rootDiskGi')}
          name="rootDiskGi"
          type="number"
          min={source?.minDiskGi ?? 1}
          value={String(draft.rootDiskGi ?? '')}
          error={errors.rootDiskGi}
          hint={source ? t('vms.new.rootDiskHint', { min: source.minDiskGi }) : undefined}
          onChange={(e) => set({ rootDiskGi: e.target.value })}
        />
        <SelectField
          label={t('vms.new.storageClass')}
          name="storageClass"
          value={draft.storageClass}
          error={errors.storageClass}
          onChange={(e) => set({ storageClass: e.target.value })}
        >
          {storageClasses.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </SelectField>
      </section>
      <DataDiskFields
        disks={draft.dataDisks ?? []}
        storageClasses={storageClasses}
        errors={errors}
        onChange={(dataDisks) => set({ dataDisks })}
      />
      <section className="grid gap-4 sm:grid-cols-2">
        <TextAreaField
          label={t('vms.new.sshKeys')}
          name="sshKeys"
          rows={4}
          spellCheck={false}
          className="font-mono text-xs"
          value={draft.sshKeys}
          error={errors.sshKeys}
          hint={t('vms.new.sshKeysHint')}
          onChange={(e) => set({ sshKeys: e.target.value })}
        />
        <TextAreaField
          label={t('vms.new.cloudInit')}
          name="cloudInit"
          rows={4}
          spellCheck={false}
          value={draft.cloudInit}
          error={errors.cloudInit}
          hint={t('vms.new.cloudInitHint')}
          onChange={(e) => set({ cloudInit: e.target.value })}
        />
      </section>
      <section className="space-y-3">
        <CheckboxField
          label={t('vms.new.exposeSsh')}
          name="exposeSsh"
          checked={!!draft.exposeSsh}
          hint={t('vms.new.exposeSshHint')}
          onChange={(e) => set({ exposeSsh: e.target.checked })}
        />
        <CheckboxField
          label={t('vms.new.start')}
          name="start"
          checked={draft.start !== false}
          onChange={(e) => set({ start: e.target.checked })}
        />
      </section>
      <CreateFormFooter
        shortfall={shortfall}
        quotaTitle={t('vms.new.quota')}
        cancelHref={listHref}
        validate={form.validate}
        objects={objects}
        yamlTitle={t('vms.new.yamlTitle')}
        submitLabel={t('vms.create')}
        pendingLabel={t('vms.new.creating')}
        pending={form.pending}
      />
    </CreateForm>
  );
}
