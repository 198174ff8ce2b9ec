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
        toast('success', `Cluster ${r.data.name} is being created`);
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
    <form onSubmit={submit} noValidate className="space-y-8" aria-label="Create cluster">
      <h1 className="text-2xl font-semibold">Create a Kubernetes cluster</h1>
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
          label="Name"
          name="name"
          value={form.name}
          autoComplete="off"
          error={errors.name}
          hint="Lowercase letters, digits and dashes."
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
        <SelectField
          label="Kubernetes version"
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
          label="Control-plane replicas"
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
            Node groups
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
            Add node group
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
              <legend className="px-1 text-sm font-medium">Node group {i + 1}</legend>
              <Field
                label="Group name"
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
                Autoscale
              </label>
              {g.autoscale ? (
                <>
                  <Field
                    label="Min nodes"
                    type="number"
                    value={String(g.minReplicas)}
                    error={err('minReplicas')}
                    onChange={(e) => setGroup(i, { minReplicas: num(e.target.value) })}
                  />
                  <Field
                    label="Max nodes"
                    type="number"
                    value={String(g.maxReplicas)}
                    error={err('maxReplicas')}
                    onChange={(e) => setGroup(i, { maxReplicas: num(e.target.value) })}
                  />
                </>
              ) : (
                <Field
                  label="Nodes"
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
                label="CPU cores"
                type="number"
                value={String(g.cpu)}
                error={err('cpu')}
                onChange={(e) => setGroup(i, { cpu: num(e.target.value) })}
              />
              <Field
                label="Memory (GiB)"
                type="number"
                value={String(g.memoryGi)}
                error={err('memoryGi')}
                onChange={(e) => setGroup(i, { memoryGi: num(e.target.value) })}
              />
              <Field
                label="Root disk (GiB)"
                type="number"
                value={String(g.diskGi)}
                error={err('diskGi')}
                onChange={(e) => setGroup(i, { diskGi: num(e.target.value) })}
              />
              <SelectField
                label="Storage class"
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
                  Remove group
                </Button>
              )}
            </fieldset>
          );
        })}
      </section>
      <section className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Pod CIDR"
          value={form.podCidr ?? ''}
          error={errors.podCidr}
          onChange={(e) => setForm({ ...form, podCidr: e.target.value })}
        />
        <Field
          label="Service CIDR"
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
          <p className="font-medium">This cluster does not fit your quota.</p>
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
          Show YAML
        </Button>
        <Button tone="primary" type="submit" disabled={pending} aria-busy={pending}>
          {pending ? 'Creating…' : 'Create cluster'}
        </Button>
      </div>
      <Dialog
        open={yamlOpen}
        onClose={() => setYamlOpen(false)}
        title="Objects that will be applied"
        wide
      >
        <pre
          data-testid="yaml"
          className="max-h-[60vh] overflow-auto rounded-md bg-slate-950 p-4 font-mono text-xs text-slate-100"
        >
          {yaml}
        </pre>
        <div className="mt-4 flex justify-end gap-2">
          <Button
            onClick={() =>
              void navigator.clipboard.writeText(yaml).then(() => toast('info', 'YAML copied'))
            }
          >
            Copy
          </Button>
          <Button tone="primary" onClick={() => setYamlOpen(false)}>
            Close
          </Button>
        </div>
      </Dialog>
    </form>
  );
}
