'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';

import { ConfirmDelete } from '@/components/resources/confirm-delete';
import { YamlButton } from '@/components/resources/yaml-view';
import { SESSION_EXPIRED_EVENT } from '@/components/shell/session-banner';
import { useToast } from '@/components/ui/toast';
import { deleteResource } from '@/lib/actions/delete-resource';
import { age, display, pick } from '@/lib/format';
import { useT } from '@/lib/i18n/client';
import { models, type ModelId } from '@/lib/k8s/models';
import type { Condition } from '@/lib/k8s/types';
import { useLiveObject } from '@/lib/live/use-live-list';
import { portalResource } from '@/lib/tenants/portal';
import type { Tenant } from '@/lib/tenants/types';

export function ResourceDetail({
  tenant,
  segment,
  model: modelId,
  name,
  canDelete,
}: {
  tenant: Tenant;
  segment: string;
  model: ModelId;
  name: string;
  canDelete: boolean;
}) {
  const t = useT();
  const toast = useToast();
  const router = useRouter();
  const model = models[modelId];
  const { object, isLoading } = useLiveObject({
    model: modelId,
    namespace: tenant.namespace,
    name,
  });
  const conditions = (pick(object, 'status.conditions') as Condition[] | undefined) ?? [];
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href={`/t/${tenant.name}`}>{tenant.displayName}</Link> /{' '}
        <Link href={`/t/${tenant.name}/${segment}`}>
          {t(portalResource(segment)?.title ?? 'common.back')}
        </Link>{' '}
        / <span aria-current="page">{name}</span>
      </nav>
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{name}</h1>
        {object && (
          <div className="flex gap-2">
            <YamlButton object={object} />
            {canDelete && (
              <ConfirmDelete
                name={name}
                what={model.label.toLowerCase()}
                onConfirm={async () => {
                  const r = await deleteResource({
                    model: modelId,
                    namespace: tenant.namespace,
                    name,
                  });
                  if (r.ok) {
                    toast('success', `${model.label} ${name} is being deleted`);
                    router.push(`/t/${tenant.name}/${segment}`);
                  } else {
                    if (r.error.code === 'unauthenticated')
                      window.dispatchEvent(new Event(SESSION_EXPIRED_EVENT));
                    toast('error', r.error.message);
                  }
                }}
              />
            )}
          </div>
        )}
      </div>
      {isLoading ? (
        <p>{t('common.loading')}</p>
      ) : !object ? (
        <p data-testid="gone" className="text-slate-500">
          {t('common.notFound')}
        </p>
      ) : (
        <>
          <dl className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 dark:border-slate-800 dark:bg-slate-900">
            {model.columns.map((c) => (
              <div key={c.id}>
                <dt className="text-xs tracking-wide text-slate-500 uppercase">{c.header}</dt>
                <dd data-column={c.id}>
                  {c.format === 'age'
                    ? age(pick(object, c.path) as string | undefined)
                    : display(pick(object, c.path))}
                </dd>
              </div>
            ))}
          </dl>
          {conditions.length > 0 && (
            <table
              className="w-full rounded-lg border border-slate-200 bg-white text-sm dark:border-slate-800 dark:bg-slate-900"
              aria-label="Conditions"
            >
              <thead className="text-left text-xs text-slate-500 uppercase">
                <tr>
                  <th className="px-4 py-2">Type</th>
                  <th className="px-4 py-2">{t('common.status')}</th>
                  <th className="px-4 py-2">Reason</th>
                  <th className="px-4 py-2">Message</th>
                </tr>
              </thead>
              <tbody>
                {conditions.map((c) => (
                  <tr key={c.type} className="border-t border-slate-100 dark:border-slate-800">
                    <td className="px-4 py-2 font-medium">{c.type}</td>
                    <td className="px-4 py-2">{c.status}</td>
                    <td className="px-4 py-2">{c.reason ?? '—'}</td>
                    <td className="px-4 py-2">{c.message ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
