'use client';

import { FormAlert } from '@/components/forms/form-alert';
import { Breadcrumbs, tenantCrumbs } from '@/components/resources/detail/breadcrumbs';
import type { Tenant } from '@/lib/tenants/types';

/** The top of every tenant create form: where it sits, its title, and the form-wide error. */
export function CreateFormHeader({
  tenant,
  list,
  crumb,
  title,
  error,
}: {
  tenant: Tenant;
  list: { label: string; href: string };
  crumb: string;
  title: string;
  error: string | undefined;
}) {
  return (
    <>
      <Breadcrumbs items={tenantCrumbs(tenant, list, { label: crumb })} />
      <h1 className="text-2xl font-semibold">{title}</h1>
      <FormAlert message={error} />
    </>
  );
}
