'use client';

// Used and free capacity per node and pool, as horizontal bars. Plain SVG: one bar per row needs no
// chart library; the numbers are in the table below it, and the SVG names itself for screen readers.
import { useId } from 'react';

import { useT } from '@/lib/i18n/client';
import { formatKiB, type PoolUsage } from '@/lib/linstor/health';

const ROW = 28;
const LABEL = 160;
const BAR = 420;

export function PoolChart({ pools }: { pools: PoolUsage[] }) {
  const t = useT();
  const titleId = useId();
  return (
    <svg
      role="img"
      aria-labelledby={titleId}
      viewBox={`0 0 ${LABEL + BAR + 160} ${pools.length * ROW + 4}`}
      className="mb-4 w-full max-w-3xl"
      data-testid="pool-chart"
    >
      <title id={titleId}>{t('console.storage.poolsChart')}</title>
      {pools.map((p, i) => {
        const y = i * ROW + 2;
        const used = p.used ?? 0;
        return (
          <g key={`${p.node}/${p.pool}`}>
            <text x={0} y={y + 17} fontSize={12} fill="currentColor">
              {p.node} · {p.pool}
            </text>
            <rect x={LABEL} y={y + 4} width={BAR} height={18} rx={3} fill="#e2e8f0" />
            {p.used !== undefined && (
              <rect
                x={LABEL}
                y={y + 4}
                width={Math.max(1, BAR * used)}
                height={18}
                rx={3}
                fill={used > 0.85 ? '#dc2626' : used > 0.7 ? '#d97706' : '#4f46e5'}
              />
            )}
            <text x={LABEL + BAR + 8} y={y + 17} fontSize={12} fill="currentColor">
              {p.used === undefined
                ? t('console.storage.noCapacity')
                : `${formatKiB(p.freeKiB)} / ${formatKiB(p.totalKiB)}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
