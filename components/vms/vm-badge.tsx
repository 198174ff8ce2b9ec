'use client';

import { StatusBadge, type StatusTone } from '@/components/resources/table/status-badge';
import { useT } from '@/lib/i18n/client';
import type { Translate } from '@/lib/i18n/messages';
import type { VmSummary, VmTone } from '@/lib/vms/status';

const tones: Record<VmTone, StatusTone> = {
  ok: 'ok',
  progress: 'warn',
  error: 'error',
  idle: 'neutral',
};

/** KubeVirt's printableStatus in the person's language (unknown ones as written). */
export function vmStatusLabel(t: Translate, status: string): string {
  const key = `vms.status.${status}`;
  return t.has(key) ? t(key) : status;
}

export function VmBadge({ summary: s }: { summary: Pick<VmSummary, 'status' | 'tone'> }) {
  const t = useT();
  return (
    <span data-testid="vm-status" data-status={s.status}>
      <StatusBadge tone={tones[s.tone]}>{vmStatusLabel(t, s.status)}</StatusBadge>
    </span>
  );
}
