'use client';

import Link from 'next/link';
import { useParams, usePathname } from 'next/navigation';

import { LiveProvider } from '@/lib/live/live-provider';
import { LiveIndicator } from '@/components/shell/live-indicator';
import { Preferences } from '@/components/shell/preferences';
import { SessionBanner } from '@/components/shell/session-banner';
import { TenantSwitcher } from '@/components/shell/tenant-switcher';
import { UserMenu } from '@/components/shell/user-menu';
import { useT } from '@/lib/i18n/client';
import type { MessageKey } from '@/lib/i18n/messages';
import { consoleSections, isActive, tenantHref, tenantSections } from '@/lib/navigation';
import type { Tenant } from '@/lib/tenants/types';

export interface ShellProps {
  viewer: { name: string; email: string };
  tenants: Tenant[];
  operator: boolean;
  children: React.ReactNode;
}

export function AppShell({ viewer, tenants, operator, children }: ShellProps) {
  const t = useT();
  const params = useParams<{ tenant?: string }>();
  const pathname = usePathname();
  const current = tenants.find((x) => x.name === params.tenant);
  const link = (href: string, key: MessageKey, exact = false) => {
    const active = isActive(href, pathname, exact);
    return (
      <li key={href}>
        <Link
          href={href}
          aria-current={active ? 'page' : undefined}
          className={`block rounded-md px-3 py-1.5 text-sm ${active ? 'bg-indigo-50 font-medium text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300' : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'}`}
        >
          {t(key)}
        </Link>
      </li>
    );
  };
  return (
    <LiveProvider>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        {t('nav.skip')}
      </a>
      <div className="flex min-h-screen">
        <aside className="hidden w-64 shrink-0 border-r border-slate-200 bg-white p-4 md:block dark:border-slate-800 dark:bg-slate-900">
          <Link href="/" className="mb-6 block text-lg font-semibold tracking-tight">
            {t('app.name')}
          </Link>
          <nav aria-label={t('nav.main')} className="space-y-6">
            {tenants.length > 0 && (
              <div>
                <TenantSwitcher tenants={tenants} current={current?.name} />
                {current && (
                  <ul className="mt-2 space-y-0.5">
                    {tenantSections.map((n) =>
                      link(tenantHref(current.name, n.segment), n.title, n.segment === ''),
                    )}
                  </ul>
                )}
              </div>
            )}
            {operator && (
              <div>
                <p className="px-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">
                  {t('nav.console')}
                </p>
                <ul className="mt-2 space-y-0.5">
                  {consoleSections.map((n) => link(n.href, n.title, n.href === '/console'))}
                </ul>
              </div>
            )}
          </nav>
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex items-center justify-end gap-3 border-b border-slate-200 bg-white px-6 py-2 dark:border-slate-800 dark:bg-slate-900">
            <LiveIndicator />
            <Preferences />
            <UserMenu viewer={viewer} />
          </header>
          <SessionBanner />
          <main id="main" className="mx-auto w-full max-w-7xl flex-1 p-6">
            {children}
          </main>
        </div>
      </div>
    </LiveProvider>
  );
}
