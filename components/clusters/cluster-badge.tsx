'use client';

import { StatusBadge } from '@/components/resources/table/status-badge';
import { useT } from '@/lib/i18n/client';
import type { Translate } from '@/lib/i18n/messages';
import type { ClusterSummary } from '@/lib/clusters/status';

/** A Cluster API phase in the person's language (unknown phases as written). */
export function phaseLabel(t: Translate, phase: string | undefined): string {
  if (!phase) return '—';
  const key = `phase.${phase}`;
  return t.has(key) ? t(key) : phase;
}

/** A cluster's phase, coloured by what it means for the person. */
export function ClusterBadge({ summary: s }: { summary: ClusterSummary }) {
  const t = useT();
  const tone =
    s.ready || s.phase === 'Provisioned' ? 'ok' : s.phase === 'Failed' ? 'error' : 'warn';
  return <StatusBadge tone={tone}>{phaseLabel(t, s.phase)}</StatusBadge>;
}
