'use client';

// Storage health for the overview, filled in by the LINSTOR domain after merging (lib/linstor/ is
// built separately): until then the tile says it is not connected.

export interface StorageHealth {
  /** Volumes (resources) not UpToDate on all their replicas. */
  degraded: number;
  /** Storage pools above their fill threshold. */
  poolsNearlyFull: number;
}

/** Replace with the LINSTOR domain's live reading. */
export function useStorageHealth(): StorageHealth | undefined {
  return undefined;
}
