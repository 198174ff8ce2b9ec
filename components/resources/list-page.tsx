'use client';

import Link from 'next/link';

import { Breadcrumbs, tenantCrumbs } from '@/components/resources/detail/breadcrumbs';
import { useT } from '@/lib/i18n/client';
import type { UserError } from '@/lib/k8s/errors';
import type { Tenant } from '@/lib/tenants/types';

/** A tenant's list page: crumbs, title, the create link for those who may, or "read-only". */
export function TenantListPage({
  tenant,
  title,
  create,
  canCreate,
  error,
  children,
}: {
  tenant: Tenant;
  title: string;
  create: { href: string; label: string };
  canCreate: boolean;
  error: UserError | undefined;
  children: React.ReactNode;
}) {
  const t = useT();
  return (
    <div className="space-y-6">
      <Breadcrumbs items={tenantCrumbs(tenant, { label: title })} />
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{title}</h1>
        {canCreate && (
          <Link
            href={create.href}
            className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
          >
            {create.label}
          </Link>
        )}
      </div>
      {!canCreate && (
        <p className="text-sm text-slate-500" data-testid="read-only">
          {t('common.readOnly')}
        </p>
      )}
      {error ? <p role="alert">{error.message}</p> : children}
    </div>
  );
}
