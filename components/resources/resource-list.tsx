'use client';

import Link from 'next/link';

import { ResourceTable } from '@/components/resources/resource-table';
import { useT } from '@/lib/i18n/client';
import { models } from '@/lib/k8s/models';
import type { Subscription } from '@/lib/live/protocol';
import { useLiveList } from '@/lib/live/use-live-list';
import { portalResource } from '@/lib/tenants/portal';
import type { Tenant } from '@/lib/tenants/types';

export function ResourceList({
  tenant,
  segment,
  sub,
  canDelete,
}: {
  tenant: Tenant;
  segment: string;
  sub: Subscription;
  canDelete: boolean;
}) {
  const t = useT();
  const model = models[sub.model];
  const title = t(portalResource(segment)?.title ?? 'common.name');
  const list = useLiveList(sub);
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href={`/t/${tenant.name}`}>{tenant.displayName}</Link> /{' '}
        <span aria-current="page">{title}</span>
      </nav>
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
        <ResourceTable
          label={title}
          items={list.items}
          columns={model.columns}
          isLoading={list.isLoading}
          href={(o) => `/t/${tenant.name}/${segment}/${o.metadata?.name ?? ''}`}
        />
      )}
    </div>
  );
}
