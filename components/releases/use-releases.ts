'use client';

import { useMemo } from 'react';

import { useLiveList } from '@/lib/live/use-live-list';
import { releaseLists } from '@/lib/releases/live';
import { summarizeRelease, type ReleaseSummary } from '@/lib/releases/status';

/** Every HelmRelease the person may list, summarized, live. */
export function useReleaseSummaries(tenantPrefix: string): {
  rows: ReleaseSummary[];
  isLoading: boolean;
  error?: { message: string };
} {
  const list = useLiveList(releaseLists.releases);
  const rows = useMemo(
    () => list.items.map((hr) => summarizeRelease(hr, tenantPrefix)),
    [list.items, tenantPrefix],
  );
  return { rows, isLoading: list.isLoading, error: list.error };
}
