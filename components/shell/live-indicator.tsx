'use client';

import { useLive } from '@/lib/live/live-provider';
import { useT } from '@/lib/i18n/client';

export function LiveIndicator() {
  const { status } = useLive();
  const t = useT();
  const color =
    status === 'live' ? 'bg-emerald-500' : status === 'signedOut' ? 'bg-slate-400' : 'bg-amber-500';
  return (
    <span
      role="status"
      data-testid="live-status"
      data-status={status}
      className="flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-300"
    >
      <span
        className={`h-2 w-2 rounded-full ${color} ${status === 'live' ? '' : 'animate-[pulse-dot_1s_infinite]'}`}
        aria-hidden
      />
      {t(`live.${status}`)}
    </span>
  );
}
