'use client';

import { useMemo, useState } from 'react';

import { DataTable, type Column } from '@/components/resources/table/data-table';
import { StatusBadge } from '@/components/resources/table/status-badge';
import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n/client';
import type { Translate } from '@/lib/i18n/messages';
import { inventoryCsv } from '@/lib/inventory/csv';
import { inventoryLists } from '@/lib/inventory/live';
import {
  inventoryRow,
  inventoryTotals,
  searchInventory,
  type InventoryRow,
  type NodeRequests,
} from '@/lib/inventory/rows';
import { useLiveList } from '@/lib/live/use-live-list';
import { useStorageOverview } from '@/lib/volumes/use-storage';
import { formatBytes } from '@/lib/tenants/quantity';

import { CapacityChart } from './capacity-chart';
import { HostPowerControls } from './power-controls';

const cores = (n: number | undefined) =>
  n === undefined ? '—' : String(Math.round(n * 100) / 100);
const bytes = (n: number | undefined) => (n === undefined ? '—' : formatBytes(n));

function PowerCell({ r }: { r: InventoryRow }) {
  const t = useT();
  if (!r.host) return <span className="text-xs text-slate-500">{t('inventory.noHost')}</span>;
  const moving = r.online !== undefined && r.poweredOn !== undefined && r.online !== r.poweredOn;
  const text = moving
    ? t(r.online ? 'inventory.power.turningOn' : 'inventory.power.turningOff')
    : r.poweredOn === undefined
      ? t('inventory.power.unknown')
      : t(r.poweredOn ? 'inventory.power.on' : 'inventory.power.off');
  return (
    <div className="space-y-1">
      <span
        data-testid="power-state"
        data-powered={String(r.poweredOn)}
        data-online={String(r.online)}
      >
        <StatusBadge tone={moving ? 'warn' : r.poweredOn ? 'ok' : 'neutral'}>{text}</StatusBadge>
      </span>
      <span className="block text-xs text-slate-500">{r.provisioning}</span>
      {r.error && (
        <span className="line-clamp-2 block text-xs text-red-700" title={r.error}>
          {r.error}
        </span>
      )}
    </div>
  );
}

function columns(t: Translate, canPower: boolean): Column<InventoryRow>[] {
  return [
    {
      id: 'node',
      header: 'inventory.column.node',
      cell: (r) => (
        <>
          <span className="font-medium">{r.node}</span>
          <span className="block text-xs text-slate-500">
            {[r.roles.join(', '), r.ready ? '' : t('inventory.notReady')]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </>
      ),
      sortValue: (r) => r.node,
    },
    {
      id: 'system',
      header: 'inventory.column.system',
      cell: (r) => (
        <>
          {[r.vendor, r.model].filter(Boolean).join(' ') || '—'}
          <span className="block text-xs text-slate-500">{r.serial}</span>
        </>
      ),
      sortValue: (r) => r.model,
    },
    {
      id: 'cpu',
      header: 'inventory.column.cpu',
      cell: (r) => (
        <>
          {r.cpuModel ?? '—'}
          <span className="block text-xs text-slate-500">
            {t('inventory.cores', { cores: cores(r.cores), threads: cores(r.threads) })}
          </span>
        </>
      ),
      sortValue: (r) => r.threads,
    },
    {
      id: 'memory',
      header: 'inventory.column.memory',
      cell: (r) => bytes(r.memoryBytes),
      sortValue: (r) => r.memoryBytes,
    },
    {
      id: 'disks',
      header: 'inventory.column.disks',
      cell: (r) => (
        <ul className="text-xs">
          {r.disks.map((d) => (
            <li key={`${d.name ?? ''}${d.serial ?? ''}`}>
              {`${d.model ?? ''} ${d.type ?? ''} ${bytes(d.sizeBytes)}`}
              <span className="text-slate-500">{d.serial ? ` ${d.serial}` : ''}</span>
            </li>
          ))}
        </ul>
      ),
    },
    {
      id: 'nics',
      header: 'inventory.column.nics',
      cell: (r) => (
        <ul className="text-xs">
          {r.nics.map((n) => (
            <li
              key={n.mac ?? n.name}
            >{`${n.name ?? ''} ${n.mac ?? ''} ${n.speedGbps ? `${n.speedGbps} Gbps` : ''}`}</li>
          ))}
        </ul>
      ),
    },
    {
      id: 'software',
      header: 'inventory.column.software',
      cell: (r) => (
        <span className="text-xs">
          {r.osImage ?? '—'}
          <span className="block text-slate-500">
            {[r.kernel, r.kubelet, r.runtime].filter(Boolean).join(' · ')}
          </span>
        </span>
      ),
    },
    {
      id: 'capacity',
      header: 'inventory.column.capacity',
      cell: (r) => (
        <span className="text-xs">
          {t('inventory.cpuLine', {
            capacity: cores(r.capacity.cpu),
            allocatable: cores(r.allocatable.cpu),
            requested: cores(r.requests.cpu),
          })}
          <span className="block">
            {t('inventory.memLine', {
              capacity: bytes(r.capacity.memory),
              allocatable: bytes(r.allocatable.memory),
              requested: bytes(r.requests.memory),
            })}
          </span>
        </span>
      ),
    },
    {
      id: 'extended',
      header: 'inventory.column.extended',
      cell: (r) =>
        Object.entries(r.extended)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ') || '—',
    },
    { id: 'pools', header: 'inventory.column.pools', cell: (r) => r.pools.join(', ') || '—' },
    {
      id: 'power',
      header: 'inventory.column.power',
      cell: (r) => (
        <div className="space-y-2">
          <PowerCell r={r} />
          {canPower && <HostPowerControls row={r} />}
        </div>
      ),
      sortValue: (r) => (r.poweredOn === undefined ? undefined : Number(r.poweredOn)),
    },
  ];
}

function download(text: string, file: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  a.click();
  URL.revokeObjectURL(url);
}

/** Per node hardware, live; totals, search, a capacity chart and a CSV of what is shown. */
export function InventoryPage({
  requests,
  canPower,
}: {
  requests: NodeRequests;
  canPower: boolean;
}) {
  const t = useT();
  const nodes = useLiveList(inventoryLists.nodes);
  const hosts = useLiveList(inventoryLists.hosts).items;
  const hardware = useLiveList(inventoryLists.hardware).items;
  const features = useLiveList(inventoryLists.features).items;
  const [text, setText] = useState('');
  // The LINSTOR pools on each node (one shared, polled query: LINSTOR has no watch API).
  const storage = useStorageOverview().data;
  const poolsByNode = useMemo(() => {
    const m = new Map<string, string[]>();
    if (storage?.ok)
      for (const p of storage.pools) m.set(p.node, [...(m.get(p.node) ?? []), p.pool]);
    return m;
  }, [storage]);
  const rows = useMemo(
    () =>
      nodes.items
        .map((n) =>
          inventoryRow(n, {
            hosts,
            hardware,
            features,
            requests,
            pools: (node) => poolsByNode.get(node) ?? [],
          }),
        )
        .sort((a, b) => a.node.localeCompare(b.node)),
    [nodes.items, hosts, hardware, features, requests, poolsByNode],
  );
  const shown = useMemo(() => searchInventory(rows, text), [rows, text]);
  const totals = useMemo(() => inventoryTotals(shown), [shown]);
  const cols = useMemo(() => columns(t, canPower), [t, canPower]);
  const facts = [
    [
      'nodes',
      t('inventory.totals.nodes'),
      t('inventory.totals.nodesValue', { ready: totals.ready, n: totals.nodes }),
    ],
    ['cpu', t('inventory.totals.cpu'), String(totals.threads)],
    ['memory', t('inventory.totals.memory'), formatBytes(totals.memoryBytes)],
    ['disks', t('inventory.totals.disks'), formatBytes(totals.diskBytes)],
    [
      'cpuUse',
      t('inventory.totals.cpuUse'),
      t('inventory.of', { used: cores(totals.cpuRequested), total: cores(totals.cpuAllocatable) }),
    ],
    [
      'memoryUse',
      t('inventory.totals.memoryUse'),
      t('inventory.of', {
        used: formatBytes(totals.memoryRequested),
        total: formatBytes(totals.memoryAllocatable),
      }),
    ],
    [
      'extended',
      t('inventory.totals.extended'),
      Object.entries(totals.extended)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ') || '—',
    ],
  ] as const;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t('inventory.title')}</h1>
        <Button
          onClick={() => download(inventoryCsv(shown), 'inventory.csv')}
          disabled={!shown.length}
        >
          {t('inventory.export')}
        </Button>
      </div>
      <dl
        aria-label={t('inventory.totals')}
        className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4 dark:border-slate-800 dark:bg-slate-900"
      >
        {facts.map(([id, label, value]) => (
          <div key={id}>
            <dt className="text-xs tracking-wide text-slate-500 uppercase">{label}</dt>
            <dd data-testid={`total-${id}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <input
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-label={t('inventory.search')}
        placeholder={t('table.filterPlaceholder')}
        className="w-full max-w-xs rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950"
      />
      {nodes.error ? (
        <p role="alert">{nodes.error.message}</p>
      ) : (
        <>
          <DataTable
            label={t('inventory.title')}
            rows={shown}
            columns={cols}
            rowKey={(r) => r.node}
            rowName={(r) => r.node}
            isLoading={nodes.isLoading}
            empty={rows.length ? t('table.noMatch') : t('inventory.none')}
            filterable={false}
          />
          {shown.length > 0 && <CapacityChart rows={shown} />}
        </>
      )}
    </div>
  );
}
