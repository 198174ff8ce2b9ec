'use client';

import type { FormEvent, ReactNode } from 'react';

import { FormAlert } from '@/components/forms/form-alert';
import { Breadcrumbs, tenantCrumbs } from '@/components/resources/detail/breadcrumbs';
import type { Tenant } from '@/lib/tenants/types';

/**
 * The frame of every tenant create form: the form element (browser validation off: the shared
 * schema speaks), where it sits, its title and the form-wide error, then the fields.
 */
export function CreateForm({
  label,
  onSubmit,
  tenant,
  list,
  crumb,
  title,
  error,
  children,
}: {
  label: string;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  tenant: Tenant;
  list: { label: string; href: string };
  crumb: string;
  title: string;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-8" aria-label={label}>
      <Breadcrumbs items={tenantCrumbs(tenant, list, { label: crumb })} />
      <h1 className="text-2xl font-semibold">{title}</h1>
      <FormAlert message={error} />
      {children}
    </form>
  );
}
