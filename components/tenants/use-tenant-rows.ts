'use client';

import { useMemo } from 'react';

import { useLiveList } from '@/lib/live/use-live-list';
import { tenantAdminLists as l } from '@/lib/tenants/admin-live';
import { tenantRows, type TenantRow } from '@/lib/tenants/admin-rows';

/** Every tenant with quota use, members and counts, live. */
export function useTenantRows(groupPrefix: string): {
  rows: TenantRow[];
  pools: string[];
  isLoading: boolean;
  error?: { message: string };
} {
  const namespaces = useLiveList(l.namespaces);
  const quotas = useLiveList(l.quotas).items;
  const bindings = useLiveList(l.bindings).items;
  const clusters = useLiveList(l.clusters).items;
  const vms = useLiveList(l.vms).items;
  const volumes = useLiveList(l.volumes).items;
  const addresses = useLiveList(l.addresses).items;
  const poolList = useLiveList(l.pools).items;
  const rows = useMemo(
    () =>
      tenantRows(
        { namespaces: namespaces.items, quotas, bindings, clusters, vms, volumes, addresses },
        groupPrefix,
      ),
    [namespaces.items, quotas, bindings, clusters, vms, volumes, addresses, groupPrefix],
  );
  const pools = useMemo(
    () =>
      poolList
        .map((p) => p.metadata?.name ?? '')
        .filter(Boolean)
        .sort(),
    [poolList],
  );
  return { rows, pools, isLoading: namespaces.isLoading, error: namespaces.error };
}
