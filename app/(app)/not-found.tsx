import Link from 'next/link';

import { getT } from '@/lib/i18n/server';

export default async function NotFound() {
  const t = await getT();
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-8 text-center dark:border-slate-800 dark:bg-slate-900">
      <h1 className="text-xl font-semibold" data-testid="not-found">
        {t('common.notFound')}
      </h1>
      <Link href="/" className="mt-4 inline-block text-indigo-600">
        {t('common.back')}
      </Link>
    </div>
  );
}
