import type { Metadata } from 'next';
import { headers } from 'next/headers';

import { Providers } from '@/components/providers';
import { catalogs } from '@/lib/i18n/catalogs';
import { getLocale } from '@/lib/i18n/server';

import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Stratus', template: '%s · Stratus' },
  description: 'Self-service cloud dashboard',
  icons: { icon: '/favicon.svg' },
};

// Applies the saved theme before first paint, so dark mode never flashes light.
const themeScript = `try{var t=localStorage.getItem('stratus-theme');if(t==='dark'||(!t||t==='system')&&matchMedia('(prefers-color-scheme: dark)').matches)document.documentElement.classList.add('dark')}catch(e){}`;

// Once per request (a server component renders once): the clock the page's ages are written against.
const renderedAt = () => Date.now();

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  // The page's CSP nonce (proxy.ts); Next puts it on its own scripts, this one needs it too.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang={locale} suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <Providers locale={locale} messages={catalogs[locale]} serverNow={renderedAt()}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
