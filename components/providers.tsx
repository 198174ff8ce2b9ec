'use client';

import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';

import { NowProvider } from '@/components/ui/age';
import { ToastProvider } from '@/components/ui/toast';
import { I18nProvider } from '@/lib/i18n/client';
import type { Catalog, Locale } from '@/lib/i18n/messages';
import { getQueryClient } from '@/lib/query/get-query-client';

export function Providers({
  locale,
  messages,
  serverNow,
  children,
}: {
  locale: Locale;
  messages: Catalog;
  /** The server's clock at render time (see NowProvider). */
  serverNow: number;
  children: React.ReactNode;
}) {
  // Says the page is interactive (this effect runs after every child's): a click before hydration
  // does nothing, so the end-to-end tests wait for this before they act.
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return (
    <QueryClientProvider client={getQueryClient()}>
      <I18nProvider locale={locale} messages={messages}>
        <NowProvider serverNow={serverNow}>
          <ToastProvider>{children}</ToastProvider>
        </NowProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
