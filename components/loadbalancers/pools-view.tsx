'use client';

import Link from 'next/link';

import { Section } from '@/components/resources/detail/section';
import { useT } from '@/lib/i18n/client';
import { ipSortKey } from '@/lib/loadbalancers/addresses';
import { byPriority } from '@/lib/loadbalancers/rules';
import type { LbSummary } from '@/lib/loadbalancers/status';
import type { IpPoolObject } from '@/lib/loadbalancers/types';
import { useLbSummaries } from '@/lib/loadbalancers/use-lbs';
import { tenantHref } from '@/lib/navigation';

import { poolAssigned, poolFree, PoolUsageBar } from './pool-usage';

/** Who may use a pool, in words: everyone, or the namespaces and selectors it names. */
function allocationText(p: IpPoolObject): string {
  const a = p.spec?.serviceAllocation;
  const parts = [
    ...(a?.namespaces ?? []),
    ...(a?.namespaceSelectors ?? []).map((s) =>
      Object.entries(s.matchLabels ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .concat(
          (s.matchExpressions ?? []).map(
            (e) => `${e.key} ${e.operator} ${(e.values ?? []).join('|')}`,
          ),
        )
        .join(', '),
    ),
  ];
  return parts.join('; ');
}

/**
 * Every IPAddressPool with its ranges, MetalLB's assigned/available counts and a usage bar, and
 * which Service of which tenant holds which address.
 */
export function PoolsView({ tenantPrefix }: { tenantPrefix: string }) {
  const t = useT();
  const { summaries, pools, isLoading, error } = useLbSummaries(undefined);
  const tenantOf = (ns: string) =>
    ns.startsWith(tenantPrefix) ? ns.slice(tenantPrefix.length) : undefined;
  const holdersOf = (pool: string): LbSummary[] =>
    summaries
      .filter((s) => s.ips.length && (s.allocatedFrom ?? s.pool) === pool)
      .sort((a, b) => ipSortKey(a.ips[0] ?? '').localeCompare(ipSortKey(b.ips[0] ?? '')));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('nav.ipPools')}</h1>
      {error && <p role="alert">{error.message}</p>}
      {isLoading && <p>{t('common.loading')}</p>}
      {!isLoading && !pools.length && <p className="text-slate-500">{t('pools.none')}</p>}
      {[...pools].sort(byPriority).map((p) => {
        const name = p.metadata?.name ?? '';
        const holders = holdersOf(name);
        const who = allocationText(p);
        return (
          <section
            key={name}
            aria-label={t('pools.poolLabel', { name })}
            data-testid={`pool-${name}`}
            className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
          >
            <div className="flex flex-wrap items-start justify-between gap-4">
              <div>
                <h2 className="text-lg font-medium">{name}</h2>
                <p className="font-mono text-xs">{(p.spec?.addresses ?? []).join(', ')}</p>
                <p className="text-xs text-slate-500">
                  {who ? t('pools.for', { who }) : t('pools.forAll')}
                  {p.spec?.autoAssign === false ? ` · ${t('pools.noAutoAssign')}` : ''}
                  {p.spec?.serviceAllocation?.priority
                    ? ` · ${t('pools.priority', { n: p.spec.serviceAllocation.priority })}`
                    : ''}
                </p>
              </div>
              <dl className="flex gap-6 text-sm">
                <div>
                  <dt className="text-xs text-slate-500 uppercase">{t('pools.assigned')}</dt>
                  <dd data-testid="pool-assigned">{poolAssigned(p) ?? '—'}</dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500 uppercase">{t('pools.available')}</dt>
                  <dd data-testid="pool-available">{poolFree(p) ?? '—'}</dd>
                </div>
              </dl>
              <PoolUsageBar pool={p} />
            </div>
            <Section title={t('pools.holders')}>
              {holders.length ? (
                <table className="w-full text-sm">
                  <thead>
                    <tr className="text-left text-xs text-slate-500 uppercase">
                      <th className="py-1">{t('loadbalancers.column.address')}</th>
                      <th>{t('vms.column.tenant')}</th>
                      <th>{t('model.services')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {holders.map((s) => {
                      const tenant = tenantOf(s.namespace);
                      return (
                        <tr key={`${s.namespace}/${s.name}`} data-testid="pool-holder">
                          <td className="py-1 font-mono text-xs">{s.ips.join(', ')}</td>
                          <td>{tenant ?? s.namespace}</td>
                          <td>
                            {tenant ? (
                              <Link
                                className="text-indigo-600"
                                href={tenantHref(tenant, 'loadbalancers', s.name)}
                              >
                                {s.name}
                              </Link>
                            ) : (
                              s.name
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              ) : (
                <p className="text-sm text-slate-500">{t('pools.noHolders')}</p>
              )}
            </Section>
          </section>
        );
      })}
    </div>
  );
}
