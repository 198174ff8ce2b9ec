'use client';

import { useT } from '@/lib/i18n/client';
import type { InventoryRow } from '@/lib/inventory/rows';

const ROW = 22;
const LABEL = 140;
const WIDTH = 560;

type Metric = 'cpu' | 'memory';
const scale = (m: Metric, v: number | undefined) =>
  v === undefined ? 0 : m === 'memory' ? v / 2 ** 30 : v;
const fmt = (n: number) => String(Math.round(n * 10) / 10);

/**
 * Capacity, allocatable and requested per node as nested horizontal bars: plain SVG, one <title>
 * per bar and an aria-label per node, so screen readers read the same figures the eye compares.
 */
function Bars({ rows, metric }: { rows: InventoryRow[]; metric: Metric }) {
  const t = useT();
  const max = Math.max(1, ...rows.map((r) => scale(metric, r.capacity[metric])));
  const w = (v: number) => ((WIDTH - LABEL - 8) * v) / max;
  const title = t(metric === 'cpu' ? 'inventory.chart.cpu' : 'inventory.chart.memory');
  return (
    <figure className="space-y-1">
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <svg
        role="img"
        aria-label={title}
        viewBox={`0 0 ${WIDTH} ${rows.length * ROW + 4}`}
        className="w-full max-w-2xl"
        data-testid={`chart-${metric}`}
      >
        {rows.map((r, i) => {
          const cap = scale(metric, r.capacity[metric]);
          const alloc = scale(metric, r.allocatable[metric]);
          const req = scale(metric, r.requests[metric]);
          const label = t('inventory.chart.bar', {
            node: r.node,
            requested: fmt(req),
            allocatable: fmt(alloc),
            capacity: fmt(cap),
          });
          const y = i * ROW + 2;
          return (
            <g key={r.node} role="listitem" aria-label={label} data-node={r.node}>
              <title>{label}</title>
              <text x={0} y={y + 14} className="fill-current text-[11px]">
                {r.node}
              </text>
              <rect
                x={LABEL}
                y={y}
                width={w(cap)}
                height={ROW - 6}
                className="fill-slate-200 dark:fill-slate-700"
              />
              <rect
                x={LABEL}
                y={y + 3}
                width={w(alloc)}
                height={ROW - 12}
                className="fill-slate-400"
              />
              <rect
                x={LABEL}
                y={y + 3}
                width={w(req)}
                height={ROW - 12}
                className={req > alloc ? 'fill-red-600' : 'fill-indigo-600'}
              />
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

export function CapacityChart({ rows }: { rows: InventoryRow[] }) {
  const t = useT();
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 className="text-lg font-medium">{t('inventory.chart.title')}</h2>
      <p className="flex gap-4 text-xs text-slate-500">
        <span>▮ {t('inventory.chart.legend.capacity')}</span>
        <span className="text-slate-400">▮ {t('inventory.chart.legend.allocatable')}</span>
        <span className="text-indigo-600">▮ {t('inventory.chart.legend.requested')}</span>
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        <Bars rows={rows} metric="cpu" />
        <Bars rows={rows} metric="memory" />
      </div>
    </section>
  );
}
