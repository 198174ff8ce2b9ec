'use client';

import { Button } from '@/components/ui/button';
import { Field, SelectField } from '@/components/ui/field';
import type { NodeGroupDraft } from '@/lib/clusters/schema';
import { useT } from '@/lib/i18n/client';

/** One node group of the create form. */
export function NodeGroupFields({
  index: i,
  group: g,
  storageClasses,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  group: NodeGroupDraft;
  storageClasses: string[];
  errors: Record<string, string>;
  onChange: (patch: Partial<NodeGroupDraft>) => void;
  onRemove?: () => void;
}) {
  const t = useT();
  const err = (f: string) => errors[`nodeGroups.${i}.${f}`];
  const num = (f: keyof NodeGroupDraft & string, label: string) => (
    <Field
      label={label}
      name={`nodeGroups.${i}.${f}`}
      type="number"
      value={String(g[f])}
      error={err(f)}
      onChange={(e) => onChange({ [f]: e.target.value })}
    />
  );
  return (
    <fieldset
      data-testid="node-group"
      className="grid gap-4 rounded-lg border border-slate-200 p-4 sm:grid-cols-4 dark:border-slate-800"
    >
      <legend className="px-1 text-sm font-medium">{t('clusters.new.group', { n: i + 1 })}</legend>
      <Field
        label={t('clusters.new.groupName')}
        name={`nodeGroups.${i}.name`}
        value={g.name}
        error={err('name')}
        onChange={(e) => onChange({ name: e.target.value })}
      />
      <label className="flex items-center gap-2 self-center text-sm">
        <input
          type="checkbox"
          checked={g.autoscale}
          onChange={(e) => onChange({ autoscale: e.target.checked })}
        />{' '}
        {t('clusters.new.autoscale')}
      </label>
      {g.autoscale ? (
        <>
          {num('minReplicas', t('clusters.new.min'))}
          {num('maxReplicas', t('clusters.new.max'))}
        </>
      ) : (
        num('replicas', t('clusters.new.nodes'))
      )}
      {num('cpu', t('clusters.new.cpu'))}
      {num('memoryGi', t('clusters.new.memory'))}
      {num('diskGi', t('clusters.new.disk'))}
      <SelectField
        label={t('clusters.new.storageClass')}
        name={`nodeGroups.${i}.storageClass`}
        value={g.storageClass}
        error={err('storageClass')}
        onChange={(e) => onChange({ storageClass: e.target.value })}
      >
        {storageClasses.map((c) => (
          <option key={c}>{c}</option>
        ))}
      </SelectField>
      {onRemove && (
        <Button tone="ghost" onClick={onRemove}>
          {t('clusters.new.removeGroup')}
        </Button>
      )}
    </fieldset>
  );
}
