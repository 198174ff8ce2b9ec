'use client';

import { useRouter } from 'next/navigation';

import { useT } from '@/lib/i18n/client';
import type { Tenant } from '@/lib/tenants/types';

export function TenantSwitcher({ tenants, current }: { tenants: Tenant[]; current?: string }) {
  const t = useT();
  const router = useRouter();
  if (tenants.length === 1 && tenants[0]) {
    return (
      <p className="px-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        {tenants[0].displayName}
      </p>
    );
  }
  return (
    <label className="block px-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
      {t('shell.tenant')}
      <select
        aria-label={t('shell.switchTenant')}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-normal tracking-normal text-slate-900 normal-case dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
        value={current ?? ''}
        onChange={(e) => router.push(`/t/${e.target.value}`)}
      >
        {!current && <option value="">{t('home.pickTenant')}</option>}
        {tenants.map((x) => (
          <option key={x.name} value={x.name}>
            {x.displayName}
          </option>
        ))}
      </select>
    </label>
  );
}
