'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

import { useLocale, useT } from '@/lib/i18n/client';
import { LOCALE_COOKIE, locales, type Locale } from '@/lib/i18n/messages';

type Theme = 'light' | 'dark' | 'system';

function applyTheme(theme: Theme) {
  const dark =
    theme === 'dark' || (theme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
}

export function Preferences() {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const [theme, setTheme] = useState<Theme>('system');
  useEffect(() => {
    const saved = localStorage.getItem('stratus-theme');
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage is only readable after mount
    if (saved === 'light' || saved === 'dark' || saved === 'system') setTheme(saved);
  }, []);
  const select =
    'rounded-md border border-slate-300 bg-white px-2 py-1 text-xs dark:border-slate-700 dark:bg-slate-950';
  return (
    <div className="flex items-center gap-2">
      <select
        aria-label={t('shell.theme')}
        className={select}
        value={theme}
        onChange={(e) => {
          const v = e.target.value as Theme;
          setTheme(v);
          localStorage.setItem('stratus-theme', v);
          applyTheme(v);
        }}
      >
        <option value="system">{t('shell.theme.system')}</option>
        <option value="light">{t('shell.theme.light')}</option>
        <option value="dark">{t('shell.theme.dark')}</option>
      </select>
      <select
        aria-label={t('shell.language')}
        className={select}
        value={locale}
        onChange={(e) => {
          document.cookie = `${LOCALE_COOKIE}=${e.target.value as Locale}; path=/; max-age=31536000; samesite=lax`;
          router.refresh();
        }}
      >
        {locales.map((l) => (
          <option key={l} value={l}>
            {l === 'en' ? 'English' : 'Русский'}
          </option>
        ))}
      </select>
    </div>
  );
}
