'use client';

import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n/client';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useT();
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 p-6 dark:border-red-900 dark:bg-red-950"
    >
      <h1 className="text-lg font-semibold">{t('common.error')}</h1>
      <Button className="mt-4" onClick={reset}>
        {t('common.retry')}
      </Button>
    </div>
  );
}
