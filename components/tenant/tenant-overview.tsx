'use client';

import Link from 'next/link';

import { useT } from '@/lib/i18n/client';
import { useLiveList } from '@/lib/live/use-live-list';
import { quotaLines } from '@/lib/tenants/overview';
import { portalResources, portalSubscription } from '@/lib/tenants/portal';
import type { Tenant } from '@/lib/tenants/types';

export function TenantOverview({ tenant }: { tenant: Tenant }) {
  const t = useT();
  const quotas = useLiveList({ model: 'resourcequotas', namespace: tenant.namespace });
  const lines = quotaLines(quotas.items as never[]);
  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/">Stratus</Link> / <span aria-current="page">{tenant.displayName}</span>
      </nav>
      <h1 className="text-2xl font-semibold">{tenant.displayName}</h1>
      <section aria-labelledby="counts">
        <h2 id="counts" className="mb-3 text-lg font-medium">
          {t('overview.counts')}
        </h2>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {portalResources.map((r) => (
            <CountCard
              key={r.segment}
              label={t(r.title)}
              href={`/t/${tenant.name}/${r.segment}`}
              sub={portalSubscription(r, tenant.namespace)}
            />
          ))}
        </div>
      </section>
      <section aria-labelledby="quota">
        <h2 id="quota" className="mb-3 text-lg font-medium">
          {t('overview.quota')}
        </h2>
        {lines.length === 0 ? (
          <p className="text-sm text-slate-500">
            {quotas.isLoading ? t('common.loading') : t('overview.quota.none')}
          </p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {lines.map((l) => (
              <li
                key={l.resource}
                data-testid="quota-line"
                className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
              >
                <div className="flex justify-between text-sm">
                  <span className="font-mono">{l.resource}</span>
                  <span>{t('overview.used', { used: l.used, hard: l.hard })}</span>
                </div>
                {l.ratio !== undefined && (
                  <div
                    className="mt-2 h-2 rounded bg-slate-200 dark:bg-slate-800"
                    role="meter"
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={Math.round(l.ratio * 100)}
                    aria-label={l.resource}
                  >
                    <div
                      className={`h-2 rounded ${l.ratio > 0.9 ? 'bg-red-500' : l.ratio > 0.7 ? 'bg-amber-500' : 'bg-indigo-500'}`}
                      style={{ width: `${l.ratio * 100}%` }}
                    />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function CountCard({
  label,
  href,
  sub,
}: {
  label: string;
  href: string;
  sub: Parameters<typeof useLiveList>[0];
}) {
  const list = useLiveList(sub);
  return (
    <Link
      href={href}
      data-testid={`count-${sub.model}`}
      className="rounded-lg border border-slate-200 bg-white p-4 hover:border-indigo-400 dark:border-slate-800 dark:bg-slate-900"
    >
      <span className="block text-3xl font-semibold">
        {list.isLoading ? '…' : list.items.length}
      </span>
      <span className="text-sm text-slate-500">{label}</span>
    </Link>
  );
}
