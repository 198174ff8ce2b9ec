'use client';

import { ClusterBadge } from '@/components/clusters/cluster-badge';
import { PersonalKubeconfig } from '@/components/clusters/personal-kubeconfig';
import { Breadcrumbs, tenantCrumbs } from '@/components/resources/detail/breadcrumbs';
import { FormAlert } from '@/components/forms/form-alert';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { useClusterSummaries } from '@/lib/clusters/use-clusters';
import type { UserError } from '@/lib/k8s/errors';
import { useT } from '@/lib/i18n/client';
import type { Tenant } from '@/lib/tenants/types';

/**
 * Download or copy each cluster's kubeconfig; never shown on screen. Whether one exists comes from
 * the Cluster's status, so the page needs no Secret (and holds none).
 */
export function KubeconfigList({ tenant, canRead }: { tenant: Tenant; canRead: boolean }) {
  const t = useT();
  const toast = useToast();
  const { summaries, isLoading, error } = useClusterSummaries(tenant.namespace);
  const url = (c: string) => `/api/tenants/${tenant.name}/clusters/${c}/kubeconfig`;
  const copy = (c: string) =>
    void fetch(url(c), { cache: 'no-store' })
      .then(async (r) => {
        if (!r.ok) throw new Error(((await r.json()) as { error: UserError }).error.message);
        return r.text();
      })
      .then((text) => navigator.clipboard.writeText(text))
      .then(() => toast('success', t('common.copied')))
      .catch((e: Error) => toast('error', e.message));
  return (
    <div className="space-y-6">
      <Breadcrumbs items={tenantCrumbs(tenant, { label: t('kubeconfig.title') })} />
      <h1 className="text-2xl font-semibold">{t('kubeconfig.title')}</h1>
      <p className="text-sm text-slate-500">{t('kubeconfig.intro')}</p>
      <p className="text-sm text-slate-500">{t('kubeconfig.personalIntro')}</p>
      {!canRead && (
        <p data-testid="read-only" className="text-sm text-slate-500">
          {t('kubeconfig.adminsOnly')}
        </p>
      )}
      {error ? (
        <FormAlert message={error.message} />
      ) : isLoading ? (
        <p>{t('common.loading')}</p>
      ) : summaries.length === 0 ? (
        <p className="text-sm text-slate-500">{t('clusters.none')}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
          {summaries.map((s) => (
            <li
              key={s.name}
              data-testid="kubeconfig-row"
              data-name={s.name}
              className="flex items-center justify-between gap-4 p-4"
            >
              <span>
                <span className="font-medium">{s.name}</span> <ClusterBadge summary={s} />
                <span className="block text-xs text-slate-500">{t(s.summary)}</span>
              </span>
              <span className="flex flex-col items-end gap-2">
                {!canRead ? (
                  <span className="text-sm text-slate-500">{t('kubeconfig.onlyAdmins')}</span>
                ) : s.kubeconfigAvailable ? (
                  <span className="flex gap-2">
                    <a
                      href={url(s.name)}
                      download={`${s.name}.kubeconfig`}
                      className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
                    >
                      {t('kubeconfig.download')}
                    </a>
                    <Button onClick={() => copy(s.name)}>{t('kubeconfig.copy')}</Button>
                  </span>
                ) : (
                  <span className="text-sm text-slate-500">{t('kubeconfig.notReady')}</span>
                )}
                <PersonalKubeconfig
                  summary={s}
                  canRead={canRead}
                  href={`${url(s.name)}?kind=personal`}
                />
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
