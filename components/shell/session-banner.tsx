'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';

import { useLive } from '@/lib/live/live-provider';
import { useT } from '@/lib/i18n/client';

export const SESSION_EXPIRED_EVENT = 'stratus:session-expired';

/** Shown when the session ends mid-work. Signing in again returns here; forms keep drafts (useDraft). */
export function SessionBanner() {
  const t = useT();
  const { status } = useLive();
  const pathname = usePathname();
  const search = useSearchParams();
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    const on = () => setExpired(true);
    window.addEventListener(SESSION_EXPIRED_EVENT, on);
    return () => window.removeEventListener(SESSION_EXPIRED_EVENT, on);
  }, []);
  if (!expired && status !== 'signedOut') return null;
  const back = pathname + (search.size ? `?${search}` : '');
  return (
    <div
      role="alert"
      data-testid="session-expired"
      className="flex items-center justify-between gap-4 bg-amber-100 px-6 py-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
    >
      <span>{t('session.expired')}</span>
      <a
        className="rounded-md bg-amber-900 px-3 py-1 font-medium text-white hover:bg-amber-800 dark:bg-amber-200 dark:text-amber-950"
        href={`/signin?callbackUrl=${encodeURIComponent(back)}`}
      >
        {t('session.signInAgain')}
      </a>
    </div>
  );
}
