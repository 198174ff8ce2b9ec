import Link from 'next/link';
import { redirect } from 'next/navigation';

import { requirePageKube } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { tenantHref } from '@/lib/navigation';
import { isOperator, tenantsFor } from '@/lib/tenants/server';

/** Where a person lands: their one tenant, the console for operators, else a tenant picker. */
export default async function Home() {
  const { viewer, kube } = await requirePageKube();
  const t = await getT();
  const [tenants, operator] = await Promise.all([tenantsFor(viewer, kube), isOperator(kube)]);
  if (operator) redirect('/console');
  if (tenants.length === 1 && tenants[0]) redirect(tenantHref(tenants[0].name));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('home.pickTenant')}</h1>
      {tenants.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">{t('home.noTenants')}</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {tenants.map((x) => (
            <li key={x.name}>
              <Link
                href={tenantHref(x.name)}
                className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-indigo-400 dark:border-slate-800 dark:bg-slate-900"
              >
                <span className="font-medium">{x.displayName}</span>
                <span className="block text-sm text-slate-500">{x.namespace}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
