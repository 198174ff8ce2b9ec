'use client';

import Link from 'next/link';
import { useMemo } from 'react';

import { useT } from '@/lib/i18n/client';
import { useStorageHealth } from '@/lib/console-overview/hooks';
import { overviewLists as l } from '@/lib/console-overview/live';
import {
  failingReleases,
  nearlyFullPools,
  nodeCounts,
  remediationsInFlight,
} from '@/lib/console-overview/summary';
import { useLiveList } from '@/lib/live/use-live-list';
import { nearQuota, tenantRows } from '@/lib/tenants/admin-rows';

/** Where the nodes view lives (the nodes domain); the overview links there. */
export const NODES_HREF = '/console/nodes';

function Tile({
  id,
  title,
  value,
  alarm,
  href,
}: {
  id: string;
  title: string;
  value: string;
  alarm: boolean;
  href: string;
}) {
  return (
    <Link
      href={href}
      data-testid={`tile-${id}`}
      data-alarm={alarm}
      className={`block rounded-lg border p-4 hover:shadow ${alarm ? 'border-red-300 bg-red-50 dark:border-red-900 dark:bg-red-950' : 'border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900'}`}
    >
      <span className="block text-xs tracking-wide text-slate-500 uppercase">{title}</span>
      <span className="mt-1 block text-xl font-semibold" data-testid="tile-value">
        {value}
      </span>
    </Link>
  );
}

/** The operator's landing page: what needs attention now, each linking to its view. */
export function OperatorOverview({ groupPrefix }: { groupPrefix: string }) {
  const t = useT();
  const nodes = useLiveList(l.nodes).items;
  const fars = useLiveList(l.fars).items;
  const snrs = useLiveList(l.snrs).items;
  const releases = useLiveList(l.releases).items;
  const pools = useLiveList(l.pools).items;
  const tenants = useLiveList(l.tenants).items;
  const quotas = useLiveList(l.quotas).items;
  const storage = useStorageHealth();
  const n = useMemo(() => nodeCounts(nodes), [nodes]);
  const rows = useMemo(
    () =>
      tenantRows(
        {
          namespaces: tenants,
          quotas,
          bindings: [],
          clusters: [],
          vms: [],
          volumes: [],
          addresses: [],
        },
        groupPrefix,
      ),
    [tenants, quotas, groupPrefix],
  );
  const near = nearQuota(rows).length;
  const remediating = remediationsInFlight([...fars, ...snrs]);
  const failing = failingReleases(releases);
  const fullPools = nearlyFullPools(pools).length;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('console.overview')}</h1>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Tile
          id="nodes"
          title={t('overview.nodes')}
          value={t('overview.nodesValue', n)}
          alarm={n.notReady > 0}
          href={NODES_HREF}
        />
        <Tile
          id="remediations"
          title={t('overview.remediations')}
          value={String(remediating)}
          alarm={remediating > 0}
          href={NODES_HREF}
        />
        <Tile
          id="releases"
          title={t('overview.releases')}
          value={String(failing)}
          alarm={failing > 0}
          href="/console/releases"
        />
        <Tile
          id="storage"
          title={t('overview.storage')}
          value={storage ? String(storage.degraded) : t('overview.storageUnknown')}
          alarm={!!storage && storage.degraded > 0}
          href="/console/storage"
        />
        <Tile
          id="storage-pools"
          title={t('overview.storagePools')}
          value={storage ? String(storage.poolsNearlyFull) : t('overview.storageUnknown')}
          alarm={!!storage && storage.poolsNearlyFull > 0}
          href="/console/storage"
        />
        <Tile
          id="address-pools"
          title={t('overview.addressPools')}
          value={t('overview.addressPoolsValue', { n: fullPools, total: pools.length })}
          alarm={fullPools > 0}
          href="/console/tenants"
        />
        <Tile
          id="tenants"
          title={t('overview.tenants')}
          value={t('overview.tenantsValue', { n: near, total: rows.length })}
          alarm={near > 0}
          href="/console/tenants"
        />
        <Tile
          id="inventory"
          title={t('overview.inventory')}
          value={t('overview.open')}
          alarm={false}
          href="/console/inventory"
        />
      </div>
    </div>
  );
}
