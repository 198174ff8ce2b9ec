'use client';

import { POOL_NEARLY_FULL, useStorageOverview } from '../volumes/use-storage';

export interface StorageHealth {
  /** Volumes with fewer UpToDate replicas than their class places, or all on one node. */
  degraded: number;
  /** Storage pools at least POOL_NEARLY_FULL full. */
  poolsNearlyFull: number;
}

/** Storage health for the overview, from LINSTOR (undefined while unknown or unavailable). */
export function useStorageHealth(): StorageHealth | undefined {
  const data = useStorageOverview().data;
  if (!data?.ok) return undefined;
  return {
    degraded: data.degraded.length,
    poolsNearlyFull: data.pools.filter((p) => (p.used ?? 0) >= POOL_NEARLY_FULL).length,
  };
}
