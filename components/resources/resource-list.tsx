'use client';

import { registryColumns, ObjectTable } from '@/components/resources/registry-columns';
import { Breadcrumbs, tenantCrumbs } from '@/components/resources/detail/breadcrumbs';
import { useT } from '@/lib/i18n/client';
import { models } from '@/lib/k8s/models';
import { tenantHref, type ResourceSection } from '@/lib/navigation';
import { sectionSubscription } from '@/lib/navigation';
import { useLiveList } from '@/lib/live/use-live-list';
import type { Tenant } from '@/lib/tenants/types';

/** A tenant's resource list from the registry's columns: live, sortable, filterable. */
export function ResourceList({
  tenant,
  section,
  canDelete,
}: {
  tenant: Tenant;
  section: ResourceSection;
  canDelete: boolean;
}) {
  const t = useT();
  const model = models[section.model];
  const title = t(section.title);
  const list = useLiveList(sectionSubscription(section, tenant.namespace));
  return (
    <div className="space-y-6">
      <Breadcrumbs items={tenantCrumbs(tenant, { label: title })} />
      <h1 className="text-2xl font-semibold">{title}</h1>
      {!canDelete && (
        <p className="text-sm text-slate-500" data-testid="read-only">
          {t('common.readOnly')}
        </p>
      )}
      {list.error ? (
        <p
          role="alert"
          className="rounded-md bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-200"
        >
          {list.error.message}
        </p>
      ) : (
        <ObjectTable
          label={title}
          rows={list.items}
          columns={registryColumns(model, t, {
            href: (o) => tenantHref(tenant.name, section.segment, o.metadata?.name),
          })}
          isLoading={list.isLoading}
          partial={list.partial}
        />
      )}
    </div>
  );
}
