'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { queryKeys } from '../query/keys';
import { storageOverview } from './actions';

/**
 * LINSTOR pools per node and degraded volumes of all tenants (operators). LINSTOR has no watch API:
 * asked every three seconds; the storage page, the inventory and the overview share one query.
 */
export function useStorageOverview() {
  return useQuery({
    queryKey: queryKeys.storageOverview(),
    queryFn: async () => {
      const r = await storageOverview({});
      if (!r.ok) throw new Error(r.error.message);
      return r.data;
    },
    refetchInterval: 3000,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

/** A pool this full (share of its capacity) counts as nearly full on the overview. */
export const POOL_NEARLY_FULL = 0.85;
