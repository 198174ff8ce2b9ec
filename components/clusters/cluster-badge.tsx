'use client';

import { StatusBadge } from '@/components/resources/table/status-badge';
import { useT } from '@/lib/i18n/client';
import { isMessageKey } from '@/lib/i18n/messages';
import type { ClusterSummary } from '@/lib/clusters/status';

/** A cluster's phase, coloured by what it means for the person. */
export function ClusterBadge({ summary: s }: { summary: ClusterSummary }) {
  const t = useT();
  const key = `phase.${s.phase}`;
  const tone =
    s.ready || s.phase === 'Provisioned' ? 'ok' : s.phase === 'Failed' ? 'error' : 'warn';
  return <StatusBadge tone={tone}>{isMessageKey(key) ? t(key) : s.phase}</StatusBadge>;
}
