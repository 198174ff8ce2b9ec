'use client';

import { Button } from '@/components/ui/button';
import { Field, SelectField } from '@/components/ui/field';
import type { NodeGroupDraft } from '@/lib/clusters/draft';
import type { InstancetypeOption } from '@/lib/clusters/sizes';
import { useT } from '@/lib/i18n/client';

/** One node group of the create form. */
export function NodeGroupFields({
  index: i,
  group: g,
  storageClasses,
  instancetypes,
  autoscaler,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  group: NodeGroupDraft;
  storageClasses: string[];
  instancetypes: InstancetypeOption[];
  /** Whether the platform runs a cluster-autoscaler; only then are bounds offered. */
  autoscaler: boolean;
  errors: Record<string, string>;
  onChange: (patch: Partial<NodeGroupDraft>) => void;
  onRemove?: () => void;
}) {
  const t = useT();
  type TextKey = Exclude<keyof NodeGroupDraft, 'autoscale'>;
  /** What every control of this group shares: its name, value, error and change. */
  const bind = (f: TextKey) => ({
    name: `nodeGroups.${i}.${f}`,
    value: g[f],
    error: errors[`nodeGroups.${i}.${f}`],
    onChange: (e: { target: { value: string } }) => onChange({ [f]: e.target.value }),
  });
  const num = (f: TextKey, label: string) => <Field label={label} type="number" {...bind(f)} />;
  const autoscale = autoscaler && g.autoscale;
  return (
    <fieldset
      data-testid="node-group"
      className="grid gap-4 rounded-lg border border-slate-200 p-4 sm:grid-cols-4 dark:border-slate-800"
    >
      <legend className="px-1 text-sm font-medium">{t('clusters.new.group', { n: i + 1 })}</legend>
      <Field label={t('clusters.new.groupName')} {...bind('name')} />
      {autoscaler && (
        <label className="flex items-center gap-2 self-center text-sm">
          <input
            type="checkbox"
            checked={g.autoscale}
            onChange={(e) => onChange({ autoscale: e.target.checked })}
          />{' '}
          {t('clusters.new.autoscale')}
        </label>
      )}
      {autoscale ? (
        <>
          {num('minReplicas', t('clusters.new.min'))}
          {num('maxReplicas', t('clusters.new.max'))}
        </>
      ) : (
        num('replicas', t('clusters.new.nodes'))
      )}
      <SelectField label={t('clusters.new.instancetype')} {...bind('instancetype')}>
        {instancetypes.map((it) => (
          <option key={it.name} value={it.name}>
            {t('clusters.new.instancetypeOption', {
              name: it.name,
              cpu: it.cpu,
              memory: it.memoryGi,
            })}
          </option>
        ))}
        <option value="">{t('clusters.new.instancetypeCustom')}</option>
      </SelectField>
      {g.instancetype === '' && (
        <>
          {num('cpu', t('clusters.new.cpu'))}
          {num('memoryGi', t('clusters.new.memory'))}
        </>
      )}
      {num('diskGi', t('clusters.new.disk'))}
      <SelectField label={t('clusters.new.storageClass')} {...bind('storageClass')}>
        {storageClasses.map((c) => (
          <option key={c}>{c}</option>
        ))}
      </SelectField>
      <Field
        label={t('clusters.new.roles')}
        hint={t('clusters.new.rolesHint')}
        autoComplete="off"
        {...bind('roles')}
      />
      <Field
        label={t('clusters.new.labels')}
        hint={t('clusters.new.labelsHint')}
        autoComplete="off"
        {...bind('labels')}
      />
      <Field
        label={t('clusters.new.taints')}
        hint={t('clusters.new.taintsHint')}
        autoComplete="off"
        {...bind('taints')}
      />
      {onRemove && (
        <Button tone="ghost" onClick={onRemove}>
          {t('clusters.new.removeGroup')}
        </Button>
      )}
    </fieldset>
  );
}
