'use client';

import Link from 'next/link';
import { Fragment } from 'react';

import { useT } from '@/lib/i18n/client';
import { tenantHref } from '@/lib/navigation';
import type { Tenant } from '@/lib/tenants/types';

export interface Crumb {
  label: string;
  href?: string;
}

/** A tenant page's trail: the tenant, then what is below it. */
export function tenantCrumbs(tenant: Tenant, ...rest: Crumb[]): Crumb[] {
  return [{ label: tenant.displayName, href: tenantHref(tenant.name) }, ...rest];
}

/** Where this page sits; the last crumb is the page itself. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const t = useT();
  return (
    <nav aria-label={t('nav.breadcrumb')} className="text-sm text-slate-500">
      {items.map((c, i) => (
        <Fragment key={`${i}-${c.label}`}>
          {i > 0 && ' / '}
          {c.href && i < items.length - 1 ? (
            <Link href={c.href}>{c.label}</Link>
          ) : (
            <span aria-current="page">{c.label}</span>
          )}
        </Fragment>
      ))}
    </nav>
  );
}
