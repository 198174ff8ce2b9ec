'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';

import type { UserError } from '../k8s/errors';
import { useLiveList } from '../live/use-live-list';
import { queryKeys } from '../query/keys';
import { volumeHealth } from './actions';
import { volumeLists } from './live';
import type { VolumeHealth } from './server';
import { volumeSummary, volumeUsers, type VolumeSummary } from './status';

/** Live volume summaries of a tenant: claims joined with the VMs that use them. */
export function useVolumeSummaries(namespace: string): {
  summaries: VolumeSummary[];
  isLoading: boolean;
  /** Only the first pages so far (a long list rendered from the page's HTML). */
  partial: boolean;
  error: UserError | undefined;
} {
  const lists = volumeLists(namespace);
  const pvcs = useLiveList(lists.volumes);
  const vms = useLiveList(lists.vms);
  const summaries = useMemo(() => {
    const users = volumeUsers(vms.items);
    return pvcs.items.map((p) => volumeSummary(p, users));
  }, [pvcs.items, vms.items]);
  return {
    summaries,
    isLoading: pvcs.isLoading,
    partial: pvcs.partial || vms.partial,
    error: pvcs.error,
  };
}

/**
 * LINSTOR replica health. LINSTOR has no watch API, so this asks again every two seconds (DRBD
 * state and resync progress), and at once when the claims themselves change (the live list).
 */
export function useVolumeHealth(
  namespace: string,
  names: string[] | undefined,
  claims: VolumeSummary[],
): { health: VolumeHealth | undefined; error: string | undefined } {
  const changes = claims.map((c) => `${c.name}:${c.pvName ?? ''}:${c.capacity ?? ''}`).join('|');
  const q = useQuery({
    queryKey: queryKeys.volumeHealth(namespace, names, changes),
    queryFn: async () => {
      const r = await volumeHealth({ namespace, ...(names ? { names } : {}) });
      if (!r.ok) throw new Error(r.error.message);
      return r.data;
    },
    refetchInterval: 2000,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
  return { health: q.data, error: q.error?.message };
}
