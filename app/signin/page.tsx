import type { Metadata } from 'next';

import { SignInButton } from '@/components/auth/sign-in-button';
import { safeReturnPath } from '@/lib/auth/redirect';
import { getT } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  const t = await getT();
  // Only same-site paths: an open redirect after sign-in would be a phishing aid.
  const back = safeReturnPath(callbackUrl, process.env.NEXTAUTH_URL ?? 'http://localhost');
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-2xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <p className="text-sm font-semibold tracking-widest text-indigo-600 uppercase">Stratus</p>
        <h1 className="mt-2 text-2xl font-semibold">{t('signin.title')}</h1>
        <p className="mt-2 text-sm text-slate-500">{t('signin.hint')}</p>
        {error && (
          <p
            role="alert"
            className="mt-4 rounded-md bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-200"
          >
            {t(error === 'rateLimited' ? 'signin.rateLimited' : 'signin.error')}
          </p>
        )}
        <SignInButton callbackUrl={back} label={t('signin.button')} />
      </div>
    </main>
  );
}
