'use client';

import { Field } from '@/components/ui/field';
import { useT } from '@/lib/i18n/client';

export const quotaKeys = [
  'cpu',
  'memoryGi',
  'storageGi',
  'vms',
  'clusters',
  'volumes',
  'loadBalancers',
] as const;
export type QuotaDraft = Record<(typeof quotaKeys)[number], string>;

export function QuotaFields({
  value,
  onChange,
  errors,
  prefix = '',
}: {
  value: QuotaDraft;
  onChange: (v: QuotaDraft) => void;
  errors: Record<string, string>;
  /** Where the quota sits in the form's field paths ("quota."). */
  prefix?: string;
}) {
  const t = useT();
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {quotaKeys.map((k) => (
        <Field
          key={k}
          label={t(`tenants.field.${k}`)}
          inputMode="numeric"
          value={value[k]}
          error={errors[`${prefix}${k}`]}
          onChange={(e) => onChange({ ...value, [k]: e.target.value })}
        />
      ))}
    </div>
  );
}
