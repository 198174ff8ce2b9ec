'use client';

import type { ClusterSummary } from '@/lib/clusters/status';
import { useT } from '@/lib/i18n/client';

/**
 * The secret-free kubeconfig (kubectl oidc-login signs the person in) of a cluster created with
 * personal access. It carries the cluster's CA, which only tenant admins may read from the
 * kubeconfig Secret, so viewers are told to ask one (the file itself can be shared).
 */
export function PersonalKubeconfig({
  summary: s,
  canRead,
  href,
}: {
  summary: ClusterSummary;
  canRead: boolean;
  href: string;
}) {
  const t = useT();
  const note = (text: string) => (
    <span data-testid="personal-kubeconfig" className="text-xs text-slate-500">
      {text}
    </span>
  );
  if (!s.personalAccess) return note(t('kubeconfig.noPersonal'));
  if (!s.kubeconfigAvailable) return null;
  if (!canRead) return note(t('kubeconfig.personalAskAdmin'));
  return (
    <a
      data-testid="personal-kubeconfig"
      href={href}
      download={`${s.name}-personal.kubeconfig`}
      className="rounded-md border border-indigo-600 px-3 py-1.5 text-sm font-medium text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-slate-800"
    >
      {t('kubeconfig.downloadPersonal')}
    </a>
  );
}
