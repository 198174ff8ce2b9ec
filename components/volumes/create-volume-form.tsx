'use client';

import { useRouter } from 'next/navigation';

import { CreateFormFooter } from '@/components/forms/create-form-footer';
import { CreateForm } from '@/components/forms/create-form';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { useLazyModule } from '@/components/forms/use-lazy-module';
import { Field, SelectField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { useT } from '@/lib/i18n/client';
import { tenantHref } from '@/lib/navigation';
import type { Tenant } from '@/lib/tenants/types';
import { createVolume } from '@/lib/volumes/actions';
import { buildVolume } from '@/lib/volumes/build';
import type { VolumeClass } from '@/lib/volumes/classes';
import {
  accessModes,
  volumeModes,
  type AccessMode,
  type SourceKind,
  type VolumeMode,
} from '@/lib/volumes/modes';

export interface VolumeDraft {
  name: string;
  sizeGi: string | number;
  storageClass: string;
  accessMode: AccessMode;
  volumeMode: VolumeMode;
  sourceKind: SourceKind;
  sourceName: string;
}

/** "<source>-restored", kept within the 40 characters a name may have. */
const suggestedName = (source: string, suffix: string) =>
  `${source.slice(0, 39 - suffix.length).replace(/-+$/, '')}-${suffix}`;

export function CreateVolumeForm({
  tenant,
  classes,
  source,
}: {
  tenant: Tenant;
  classes: VolumeClass[];
  /** Restore a snapshot or clone a volume: set by the link that opened the form. */
  source?: { kind: SourceKind; name: string; sizeGi?: number; storageClass?: string };
}) {
  const t = useT();
  const toast = useToast();
  const router = useRouter();
  const listHref = tenantHref(tenant.name, 'volumes');
  const initial: VolumeDraft = {
    name: source?.name
      ? suggestedName(source.name, source.kind === 'snapshot' ? 'restored' : 'clone')
      : '',
    sizeGi: source?.sizeGi ?? 10,
    storageClass: source?.storageClass ?? classes[0]?.name ?? '',
    accessMode: 'ReadWriteOnce',
    volumeMode: 'Block',
    sourceKind: source?.kind ?? 'none',
    sourceName: source?.name ?? '',
  };
  // The validator (zod) loads once the form is on screen.
  const kit = useLazyModule(() => import('@/lib/volumes/schema'));
  const form = useActionForm({
    draftKey: `create-volume:${tenant.name}:${initial.sourceKind}:${initial.sourceName}`,
    initial,
    schema: kit.module?.createVolumeSchema,
    schemaFailed: kit.failed,
    submit: (volume: VolumeDraft) => createVolume({ namespace: tenant.namespace, volume }),
    onSuccess: ({ name }) => {
      toast('success', t('volumes.new.created', { name }));
      router.push(tenantHref(tenant.name, 'volumes', name));
    },
  });
  const { draft, setDraft, errors, parsed } = form;
  const set = (patch: Partial<VolumeDraft>) => setDraft({ ...draft, ...patch });
  const objects = () => (parsed?.success ? [buildVolume(tenant.namespace, parsed.data)] : []);
  return (
    <CreateForm
      label={t('volumes.create')}
      onSubmit={form.onSubmit}
      tenant={tenant}
      list={{ label: t('nav.volumes'), href: listHref }}
      crumb={t('volumes.new.crumb')}
      title={t('volumes.new.title')}
      error={form.formError}
    >
      {draft.sourceKind !== 'none' && (
        <p className="text-sm" data-testid="volume-source">
          {t(`volumes.new.source.${draft.sourceKind}`, { name: draft.sourceName })}
        </p>
      )}
      <section className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t('volumes.new.name')}
          name="name"
          value={draft.name}
          autoComplete="off"
          error={errors.name}
          hint={t('clusters.new.nameHint')}
          onChange={(e) => set({ name: e.target.value })}
        />
        <Field
          label={t('volumes.new.sizeGi')}
          name="sizeGi"
          type="number"
          min={1}
          value={String(draft.sizeGi)}
          error={errors.sizeGi}
          onChange={(e) => set({ sizeGi: e.target.value })}
        />
        <SelectField
          label={t('volumes.new.class')}
          name="storageClass"
          value={draft.storageClass}
          error={errors.storageClass}
          onChange={(e) => set({ storageClass: e.target.value })}
        >
          {classes.map((c) => (
            <option key={c.name} value={c.name}>
              {t(c.replicas === 1 ? 'volumes.new.classOptionOne' : 'volumes.new.classOption', {
                name: c.name,
                replicas: c.replicas,
                pool: c.pool ?? '—',
              })}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('volumes.new.accessMode')}
          name="accessMode"
          value={draft.accessMode}
          error={errors.accessMode}
          onChange={(e) => {
            const m = accessModes.find((x) => x === e.target.value);
            if (m) set({ accessMode: m });
          }}
        >
          {accessModes.map((m) => (
            <option key={m} value={m}>
              {t(`volumes.new.access.${m}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('volumes.new.volumeMode')}
          name="volumeMode"
          value={draft.volumeMode}
          error={errors.volumeMode}
          onChange={(e) => {
            const m = volumeModes.find((x) => x === e.target.value);
            if (m) set({ volumeMode: m });
          }}
        >
          {volumeModes.map((m) => (
            <option key={m} value={m}>
              {t(`volumes.new.mode.${m}`)}
            </option>
          ))}
        </SelectField>
        <p className="self-end text-xs text-slate-500">{t('volumes.new.blockHint')}</p>
      </section>
      {errors.sourceName && <FormAlert message={errors.sourceName} />}
      <CreateFormFooter
        shortfall={[]}
        quotaTitle=""
        cancelHref={listHref}
        validate={form.validate}
        objects={objects}
        yamlTitle={t('volumes.new.yaml')}
        submitLabel={t('volumes.new.submit')}
        pendingLabel={t('volumes.new.pending')}
        pending={form.pending}
      />
    </CreateForm>
  );
}
