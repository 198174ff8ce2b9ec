'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState, useTransition } from 'react';
import YAML from 'yaml';

import { SESSION_EXPIRED_EVENT } from '@/components/shell/session-banner';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, SelectField } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { createCluster } from '@/lib/clusters/actions';
import { buildCluster } from '@/lib/clusters/build';
import { quotaShortfall } from '@/lib/clusters/quota';
import {
  createClusterSchema,
  defaultNodeGroup,
  fieldErrors,
  type CreateClusterForm,
  type NodeGroupInput,
} from '@/lib/clusters/schema';
import { useDraft } from '@/lib/forms/use-draft';
import { useT } from '@/lib/i18n/client';
import { useLiveList } from '@/lib/live/use-live-list';
import type { Tenant } from '@/lib/tenants/types';

export function CreateClusterForm({
  tenant,
  versions,
  storageClasses,
}: {
  tenant: Tenant;
  versions: string[];
  storageClasses: string[];
}) {
  const router = useRouter();
  const t = useT();
  const toast = useToast();
  const initial: CreateClusterForm = {
    name: '',
    version: versions.at(-1) ?? '',
    controlPlaneReplicas: 2,
    nodeGroups: [
      {
        ...defaultNodeGroup,
        storageClass: storageClasses.includes('replicated')
          ? 'replicated'
          : (storageClasses[0] ?? ''),
      },
    ],
    podCidr: '10.243.0.0/16',
    serviceCidr: '10.95.0.0/16',
  };
  const [form, setForm, clearDraft] = useDraft(`create-cluster:${tenant.name}`, initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<string>();
  const [yamlOpen, setYamlOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const quotas = useLiveList({ model: 'resourcequotas', namespace: tenant.namespace });

  const parsed = useMemo(() => createClusterSchema.safeParse(form), [form]);
  const shortfall = parsed.success ? quotaShortfall(quotas.items as never[], parsed.data) : [];
  const groups = (form.nodeGroups ?? []) as NodeGroupInput[];
  const setGroup = (i: number, patch: Partial<NodeGroupInput>) =>
    setForm({ ...form, nodeGroups: groups.map((g, j) => (j === i ? { ...g, ...patch } : g)) });
  const num = (v: string) => (v === '' ? ('' as unknown as number) : Number(v));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (pending) return;
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setServerError(undefined);
    startTransition(async () => {
      const r = await createCluster(tenant.namespace, form);
      if (r.ok) {
        clearDraft();
        toast('success', t('clusters.new.created', { name: r.data.name }));
        router.push(`/t/${tenant.name}/clusters/${r.data.name}`);
        return;
      }
      if (r.error.code === 'unauthenticated')
        window.dispatchEvent(new Event(SESSION_EXPIRED_EVENT));
      setErrors(r.error.fields ?? {});
      setServerError(r.error.message);
    });
  };

  const yaml = parsed.success
    ? buildCluster(parsed.data, tenant.namespace)
        .objects.map((o) => YAML.stringify(o))
        .join('---\n')
    : '';

  return (
    <form onSubmit={submit} noValidate className="space-y-8" aria-label={t('clusters.create')}>
      <h1 className="text-2xl font-semibold">{t('clusters.new.title')}</h1>
      {serverError && (
        <p
          role="alert"
          data-testid="form-error"
          className="rounded-md bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-200"
        >
          {serverError}
        </p>
      )}
      <section className="grid gap-4 sm:grid-cols-3">
        <Field
          label={t('clusters.new.name')}
          name="name"
          value={form.name}
          autoComplete="off"
          error={errors.name}
          hint={t('clusters.new.nameHint')}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
        <SelectField
          label={t('clusters.new.version')}
          name="version"
          value={form.version}
          error={errors.version}
          onChange={(e) => setForm({ ...form, version: e.target.value })}
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
          value={String(form.controlPlaneReplicas ?? '')}
          error={errors.controlPlaneReplicas}
          onChange={(e) => setForm({ ...form, controlPlaneReplicas: num(e.target.value) })}
        />
      </section>
      <section aria-labelledby="groups" className="space-y-4">
        <div className="flex items-center justify-between">
          <h2 id="groups" className="text-lg font-medium">
            {t('clusters.new.nodeGroups')}
          </h2>
          <Button
            onClick={() =>
              setForm({
                ...form,
                nodeGroups: [
                  ...groups,
                  {
                    ...defaultNodeGroup,
                    name: `group-${groups.length + 1}`,
                    storageClass: groups[0]?.storageClass ?? '',
                  },
                ],
              })
            }
          >
            {t('clusters.new.addGroup')}
          </Button>
        </div>
        {errors.nodeGroups && <p className="text-sm text-red-600">{errors.nodeGroups}</p>}
        {groups.map((g, i) => {
          const err = (f: string) => errors[`nodeGroups.${i}.${f}`];
          return (
            <fieldset
              key={i}
              data-testid="node-group"
              className="grid gap-4 rounded-lg border border-slate-200 p-4 sm:grid-cols-4 dark:border-slate-800"
            >
              <legend className="px-1 text-sm font-medium">
                {t('clusters.new.group', { n: i + 1 })}
              </legend>
              <Field
                label={t('clusters.new.groupName')}
                name={`nodeGroups.${i}.name`}
                value={g.name}
                error={err('name')}
                onChange={(e) => setGroup(i, { name: e.target.value })}
              />
              <label className="flex items-center gap-2 self-center text-sm">
                <input
                  type="checkbox"
                  checked={g.autoscale}
                  onChange={(e) => setGroup(i, { autoscale: e.target.checked })}
                />{' '}
                {t('clusters.new.autoscale')}
              </label>
              {g.autoscale ? (
                <>
                  <Field
                    label={t('clusters.new.min')}
                    type="number"
                    value={String(g.minReplicas)}
                    error={err('minReplicas')}
                    onChange={(e) => setGroup(i, { minReplicas: num(e.target.value) })}
                  />
                  <Field
                    label={t('clusters.new.max')}
                    type="number"
                    value={String(g.maxReplicas)}
                    error={err('maxReplicas')}
                    onChange={(e) => setGroup(i, { maxReplicas: num(e.target.value) })}
                  />
                </>
              ) : (
                <Field
                  label={t('clusters.new.nodes')}
                  name={`nodeGroups.${i}.replicas`}
                  type="number"
                  min={0}
                  max={50}
                  value={String(g.replicas)}
                  error={err('replicas')}
                  onChange={(e) => setGroup(i, { replicas: num(e.target.value) })}
                />
              )}
              <Field
                label={t('clusters.new.cpu')}
                type="number"
                value={String(g.cpu)}
                error={err('cpu')}
                onChange={(e) => setGroup(i, { cpu: num(e.target.value) })}
              />
              <Field
                label={t('clusters.new.memory')}
                type="number"
                value={String(g.memoryGi)}
                error={err('memoryGi')}
                onChange={(e) => setGroup(i, { memoryGi: num(e.target.value) })}
              />
              <Field
                label={t('clusters.new.disk')}
                type="number"
                value={String(g.diskGi)}
                error={err('diskGi')}
                onChange={(e) => setGroup(i, { diskGi: num(e.target.value) })}
              />
              <SelectField
                label={t('clusters.new.storageClass')}
                name={`nodeGroups.${i}.storageClass`}
                value={g.storageClass}
                error={err('storageClass')}
                onChange={(e) => setGroup(i, { storageClass: e.target.value })}
              >
                {storageClasses.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </SelectField>
              {groups.length > 1 && (
                <Button
                  tone="ghost"
                  onClick={() => setForm({ ...form, nodeGroups: groups.filter((_, j) => j !== i) })}
                >
                  {t('clusters.new.removeGroup')}
                </Button>
              )}
            </fieldset>
          );
        })}
      </section>
      <section className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t('clusters.new.podCidr')}
          value={form.podCidr ?? ''}
          error={errors.podCidr}
          onChange={(e) => setForm({ ...form, podCidr: e.target.value })}
        />
        <Field
          label={t('clusters.new.serviceCidr')}
          value={form.serviceCidr ?? ''}
          error={errors.serviceCidr}
          onChange={(e) => setForm({ ...form, serviceCidr: e.target.value })}
        />
      </section>
      {shortfall.length > 0 && (
        <div
          role="alert"
          data-testid="quota-shortfall"
          className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          <p className="font-medium">{t('clusters.new.quota')}</p>
          <ul className="mt-1 list-disc pl-5">
            {shortfall.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="flex justify-end gap-2">
        <Button
          onClick={() =>
            parsed.success ? setYamlOpen(true) : setErrors(fieldErrors(parsed.error))
          }
        >
          {t('clusters.new.showYaml')}
        </Button>
        <Button tone="primary" type="submit" disabled={pending} aria-busy={pending}>
          {pending ? t('clusters.new.creating') : t('clusters.create')}
        </Button>
      </div>
      <Dialog
        open={yamlOpen}
        onClose={() => setYamlOpen(false)}
        title={t('clusters.new.yamlTitle')}
        wide
      >
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
          {t('clusters.new.yamlNote')}
        </p>
        <pre
          data-testid="yaml"
          className="max-h-[60vh] overflow-auto rounded-md bg-slate-950 p-4 font-mono text-xs text-slate-100"
        >
          {yaml}
        </pre>
        <div className="mt-4 flex justify-end gap-2">
          <Button
            onClick={() =>
              void navigator.clipboard.writeText(yaml).then(() => toast('info', t('common.copied')))
            }
          >
            {t('common.copy')}
          </Button>
          <Button tone="primary" onClick={() => setYamlOpen(false)}>
            {t('common.close')}
          </Button>
        </div>
      </Dialog>
    </form>
  );
}
