'use client';

// "Where my data lives": VM → its disks (PVCs) → their LINSTOR replicas → the nodes holding them,
// each node with its health. Plain SVG (a few boxes and lines need no graph library), described for
// screen readers, with the same data as a table beside it.
import { useId } from 'react';

import { useT } from '@/lib/i18n/client';
import type { ReplicaHealth } from '@/lib/linstor/health';
import type { NodeHealth } from '@/lib/volumes/server';

import { nodeHealthLabel } from './replica-marks';

export interface MapDisk {
  /** What the person calls it: the VM's disk name, or the volume name. */
  label: string;
  volume: string;
  health?: ReplicaHealth;
}

const W = 150;
const H = 40;
const GAP = 12;
const C0 = 0;
const C1 = 190;
const C2 = 380;
const C3 = 570;

const stroke = (bad: boolean) => (bad ? '#dc2626' : '#64748b');
const fill = (bad: boolean) => (bad ? '#fee2e2' : '#f1f5f9');

function Box({
  x,
  y,
  title,
  sub,
  bad,
}: {
  x: number;
  y: number;
  title: string;
  sub?: string;
  bad: boolean;
}) {
  return (
    <g>
      <rect x={x} y={y} width={W} height={H} rx={6} fill={fill(bad)} stroke={stroke(bad)} />
      <text x={x + 8} y={y + 16} fontSize={12} fontWeight={600} fill="#0f172a">
        {title.length > 20 ? `${title.slice(0, 19)}…` : title}
      </text>
      {sub && (
        <text x={x + 8} y={y + 31} fontSize={11} fill={bad ? '#b91c1c' : '#475569'}>
          {sub.length > 22 ? `${sub.slice(0, 21)}…` : sub}
        </text>
      )}
    </g>
  );
}

export function DataMap({
  root,
  disks,
  nodes,
}: {
  root?: string;
  disks: MapDisk[];
  nodes: NodeHealth[];
}) {
  const t = useT();
  const titleId = useId();
  const rows = disks.flatMap((d) =>
    (d.health?.replicas ?? []).map((r) => ({ disk: d, replica: r })),
  );
  if (!rows.length) return <p className="text-sm text-slate-500">{t('volumes.map.none')}</p>;
  const nodeNames = [...new Set(rows.map((r) => r.replica.node))].sort();
  const height = Math.max(rows.length, nodeNames.length) * (H + GAP);
  const rowY = (i: number) => i * (H + GAP);
  const nodeY = (i: number) =>
    nodeNames.length === 1
      ? (height - H - GAP) / 2
      : (i * (height - H - GAP)) / (nodeNames.length - 1);
  const diskY = new Map<string, number>();
  let i = 0;
  for (const d of disks) {
    const n = d.health?.replicas.length ?? 0;
    if (!n) continue;
    diskY.set(d.volume, rowY(i + (n - 1) / 2));
    i += n;
  }
  const rootY = (height - H - GAP) / 2;
  const health = (name: string) =>
    nodeHealthLabel(
      t,
      nodes.find((n) => n.name === name),
    );
  const mid = (y: number) => y + H / 2;
  return (
    <div className="space-y-3" data-testid="data-map">
      <svg
        role="img"
        aria-labelledby={titleId}
        viewBox={`0 0 ${C3 + W} ${height}`}
        className="w-full max-w-3xl"
      >
        <title id={titleId}>{t('volumes.map.title')}</title>
        {root &&
          [...diskY.values()].map((y, k) => (
            <line key={`r${k}`} x1={C0 + W} y1={mid(rootY)} x2={C1} y2={mid(y)} stroke="#94a3b8" />
          ))}
        {rows.map(({ disk, replica }, k) => {
          const y = rowY(k);
          const ny = nodeY(nodeNames.indexOf(replica.node));
          const bad = replica.diskful && replica.diskState !== 'UpToDate';
          return (
            <g key={`${disk.volume}/${replica.node}`}>
              <line
                x1={C1 + W}
                y1={mid(diskY.get(disk.volume) ?? y)}
                x2={C2}
                y2={mid(y)}
                stroke="#94a3b8"
              />
              <line x1={C2 + W} y1={mid(y)} x2={C3} y2={mid(ny)} stroke={stroke(bad)} />
              <Box
                x={C2}
                y={y}
                title={replica.node}
                sub={
                  replica.syncPercent !== undefined
                    ? `${replica.diskState} ${replica.syncPercent}%`
                    : replica.diskState
                }
                bad={bad}
              />
            </g>
          );
        })}
        {root && <Box x={C0} y={rootY} title={root} bad={false} />}
        {disks.map((d) => {
          const y = diskY.get(d.volume);
          if (y === undefined) return null;
          const bad = !!d.health?.degraded;
          return (
            <Box
              key={d.volume}
              x={C1}
              y={y}
              title={d.label}
              sub={
                d.health
                  ? t('volumes.replicas.inSync', {
                      up: d.health.upToDate,
                      expected: d.health.expected,
                    })
                  : undefined
              }
              bad={bad}
            />
          );
        })}
        {nodeNames.map((n, k) => {
          const h = health(n);
          return <Box key={n} x={C3} y={nodeY(k)} title={n} sub={h.text} bad={h.bad} />;
        })}
      </svg>
      <details>
        <summary className="cursor-pointer text-sm text-indigo-600 dark:text-indigo-400">
          {t('volumes.map.table')}
        </summary>
        <table className="mt-2 text-sm" data-testid="data-map-table">
          <thead>
            <tr className="text-left text-slate-500">
              <th className="pr-4 font-medium">{t('volumes.map.disk')}</th>
              <th className="pr-4 font-medium">{t('volumes.map.replica')}</th>
              <th className="pr-4 font-medium">{t('volumes.replicas.disk')}</th>
              <th className="font-medium">{t('volumes.map.nodeHealth')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ disk, replica }) => (
              <tr key={`${disk.volume}/${replica.node}`}>
                <td className="pr-4">{disk.label}</td>
                <td className="pr-4">{replica.node}</td>
                <td className="pr-4">{replica.diskState}</td>
                <td>{health(replica.node).text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
