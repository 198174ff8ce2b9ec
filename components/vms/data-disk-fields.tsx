'use client';

import { Button } from '@/components/ui/button';
import { Field, SelectField } from '@/components/ui/field';
import { useT } from '@/lib/i18n/client';
import type { CreateVmDraft } from '@/lib/vms/schema';

type DiskDraft = NonNullable<CreateVmDraft['dataDisks']>[number];

/** Extra blank disks: name, size, class; added and removed in place. */
export function DataDiskFields({
  disks,
  storageClasses,
  errors,
  onChange,
}: {
  disks: DiskDraft[];
  storageClasses: string[];
  errors: Record<string, string>;
  onChange: (disks: DiskDraft[]) => void;
}) {
  const t = useT();
  const set = (i: number, patch: Partial<DiskDraft>) =>
    onChange(disks.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <section aria-labelledby="data-disks" className="space-y-3">
      <div className="flex items-center justify-between">
        <h2 id="data-disks" className="text-lg font-medium">
          {t('vms.new.dataDisks')}
        </h2>
        <Button
          onClick={() =>
            onChange([
              ...disks,
              {
                name: `data${disks.length ? disks.length + 1 : ''}`,
                sizeGi: 10,
                storageClass: disks[0]?.storageClass ?? storageClasses[0] ?? '',
              },
            ])
          }
        >
          {t('vms.new.addDisk')}
        </Button>
      </div>
      {errors.dataDisks && <p className="text-sm text-red-600">{errors.dataDisks}</p>}
      {disks.map((d, i) => (
        <fieldset
          key={i}
          className="grid items-end gap-4 rounded-md border border-slate-200 p-3 sm:grid-cols-4 dark:border-slate-800"
          aria-label={t('vms.new.diskN', { n: i + 1 })}
        >
          <Field
            label={t('vms.new.diskName')}
            value={d.name}
            error={errors[`dataDisks.${i}.name`]}
            onChange={(e) => set(i, { name: e.target.value })}
          />
          <Field
            label={t('vms.new.diskSizeGi')}
            type="number"
            min={1}
            value={String(d.sizeGi ?? '')}
            error={errors[`dataDisks.${i}.sizeGi`]}
            onChange={(e) => set(i, { sizeGi: e.target.value })}
          />
          <SelectField
            label={t('vms.new.storageClass')}
            value={d.storageClass}
            error={errors[`dataDisks.${i}.storageClass`]}
            onChange={(e) => set(i, { storageClass: e.target.value })}
          >
            {storageClasses.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </SelectField>
          <Button tone="ghost" onClick={() => onChange(disks.filter((_, j) => j !== i))}>
            {t('vms.new.removeDisk')}
          </Button>
        </fieldset>
      ))}
    </section>
  );
}
