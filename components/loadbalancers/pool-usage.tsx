'use client';

import { useT } from '@/lib/i18n/client';
import type { IpPoolObject } from '@/lib/loadbalancers/types';

/** Free addresses by MetalLB's count (status), or undefined before its controller wrote one. */
export function poolFree(p: IpPoolObject): number | undefined {
  const s = p.status;
  return s ? (s.availableIPv4 ?? 0) + (s.availableIPv6 ?? 0) : undefined;
}

export function poolAssigned(p: IpPoolObject): number | undefined {
  const s = p.status;
  return s ? (s.assignedIPv4 ?? 0) + (s.assignedIPv6 ?? 0) : undefined;
}

/** A bar of a pool's usage: assigned of all, as MetalLB counts them. */
export function PoolUsageBar({ pool }: { pool: IpPoolObject }) {
  const t = useT();
  const used = poolAssigned(pool);
  const free = poolFree(pool);
  if (used === undefined || free === undefined)
    return <span className="text-xs text-slate-500">{t('pools.noStatus')}</span>;
  const total = used + free;
  const pct = total ? Math.round((used / total) * 100) : 0;
  const label = t('pools.usage', { used, total, pct });
  return (
    <div className="w-48">
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={used}
        className="h-2 overflow-hidden rounded bg-slate-200 dark:bg-slate-800"
      >
        <div
          className={`h-full ${pct >= 90 ? 'bg-red-500' : pct >= 70 ? 'bg-amber-500' : 'bg-indigo-500'}`}
          style={{ width: `${pct}%` }}
        />
      </div>
      <span className="mt-1 block text-xs text-slate-500">{label}</span>
    </div>
  );
}
