'use client';

import { PhaseBadge } from '@/components/clusters/cluster-list';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { useClusterSummaries } from '@/lib/clusters/use-clusters';
import { useT } from '@/lib/i18n/client';
import { useLiveList } from '@/lib/live/use-live-list';
import type { Tenant } from '@/lib/tenants/types';

/** Download or copy each ready cluster's kubeconfig; never shown on screen. */
export function KubeconfigList({ tenant, canRead }: { tenant: Tenant; canRead: boolean }) {
  const t = useT();
  const toast = useToast();
  const { summaries, isLoading } = useClusterSummaries(tenant.namespace);
  const secrets = useLiveList(
    {
      model: 'secrets',
      namespace: tenant.namespace,
      labelSelector: 'cluster.x-k8s.io/cluster-name',
    },
    canRead,
  );
  const hasSecret = new Set(secrets.items.map((s) => s.metadata?.name));
  const url = (c: string) => `/api/tenants/${tenant.name}/clusters/${c}/kubeconfig`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('kubeconfig.title')}</h1>
      <p className="text-sm text-slate-500">{t('kubeconfig.intro')}</p>
      {!canRead && (
        <p data-testid="read-only" className="text-sm text-slate-500">
          {t('kubeconfig.adminsOnly')}
        </p>
      )}
      {isLoading ? (
        <p>{t('common.loading')}</p>
      ) : summaries.length === 0 ? (
        <p className="text-sm text-slate-500">{t('common.empty')}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
          {summaries.map((s) => {
            const available = canRead && hasSecret.has(`${s.name}-kubeconfig`) && !s.deleting;
            return (
              <li
                key={s.name}
                data-testid="kubeconfig-row"
                data-name={s.name}
                className="flex items-center justify-between gap-4 p-4"
              >
                <span>
                  <span className="font-medium">{s.name}</span>{' '}
                  <PhaseBadge phase={s.phase} ready={s.ready} />
                  <span className="block text-xs text-slate-500">{s.summary}</span>
                </span>
                {available ? (
                  <span className="flex gap-2">
                    <a
                      href={url(s.name)}
                      download={`${s.name}.kubeconfig`}
                      className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
                    >
                      {t('kubeconfig.download')}
                    </a>
                    <Button
                      onClick={() =>
                        void fetch(url(s.name), { cache: 'no-store' })
                          .then(async (r) => {
                            if (!r.ok)
                              throw new Error(
                                ((await r.json()) as { error: { message: string } }).error.message,
                              );
                            return r.text();
                          })
                          .then((text) => navigator.clipboard.writeText(text))
                          .then(() => toast('success', t('common.copied')))
                          .catch((e: Error) => toast('error', e.message))
                      }
                    >
                      {t('kubeconfig.copy')}
                    </Button>
                  </span>
                ) : (
                  <span className="text-sm text-slate-500">{t('kubeconfig.notReady')}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
