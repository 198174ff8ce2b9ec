'use client';

import Link from 'next/link';

import { QuotaCard } from '@/components/tenant/quota-card';
import { Breadcrumbs } from '@/components/resources/detail/breadcrumbs';
import { useT } from '@/lib/i18n/client';
import { useLiveList } from '@/lib/live/use-live-list';
import {
  portalSections,
  countSubscription,
  tenantHref,
  type ResourceSection,
} from '@/lib/navigation';
import { quotaLines } from '@/lib/tenants/overview';
import type { Tenant } from '@/lib/tenants/types';

export function TenantOverview({ tenant }: { tenant: Tenant }) {
  const t = useT();
  const quotas = useLiveList({ model: 'resourcequotas', namespace: tenant.namespace });
  const lines = quotaLines(quotas.items);
  return (
    <div className="space-y-8">
      <Breadcrumbs items={[{ label: t('app.name'), href: '/' }, { label: tenant.displayName }]} />
      <h1 className="text-2xl font-semibold">{tenant.displayName}</h1>
      <section aria-labelledby="counts">
        <h2 id="counts" className="mb-3 text-lg font-medium">
          {t('overview.counts')}
        </h2>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {portalSections.map((r) => (
            <CountCard key={r.segment} tenant={tenant} section={r} />
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
              <QuotaCard key={l.resource} line={l} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function CountCard({ tenant, section }: { tenant: Tenant; section: ResourceSection }) {
  const t = useT();
  const list = useLiveList(countSubscription(section, tenant.namespace));
  return (
    <Link
      href={tenantHref(tenant.name, section.segment)}
      data-testid={`count-${section.model}`}
      className="rounded-lg border border-slate-200 bg-white p-4 hover:border-indigo-400 dark:border-slate-800 dark:bg-slate-900"
    >
      <span className="block text-3xl font-semibold">
        {list.isLoading
          ? '…'
          : (list.total ?? t('overview.countAtLeast', { count: list.items.length }))}
      </span>
      <span className="text-sm text-slate-500">{t(section.title)}</span>
    </Link>
  );
}
