'use client';

import { StatusBadge, type StatusTone } from '@/components/resources/table/status-badge';
import { useT } from '@/lib/i18n/client';
import type { ReleaseState, SourceState } from '@/lib/releases/status';

const tones: Record<ReleaseState | SourceState, StatusTone> = {
  ready: 'ok',
  failing: 'error',
  progressing: 'warn',
  suspended: 'neutral',
  missing: 'error',
};

export function ReleaseBadge({ state }: { state: ReleaseState | SourceState }) {
  const t = useT();
  return (
    <span data-testid="release-state" data-state={state}>
      <StatusBadge tone={tones[state]}>{t(`releases.state.${state}`)}</StatusBadge>
    </span>
  );
}
