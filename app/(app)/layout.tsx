import { unstable_rethrow } from 'next/navigation';

import { PageNotice } from '@/components/resources/page-notice';
import { AppShell } from '@/components/shell/app-shell';
import { requirePageKube } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { problemOf, renderProblem } from '@/lib/k8s/errors';
import { logError } from '@/lib/log';
import { isOperator, tenantsFor } from '@/lib/tenants/server';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const { viewer, kube } = await requirePageKube();
  const found = await Promise.all([tenantsFor(viewer, kube), isOperator(kube)]).then(
    (v) => ({ ok: true as const, v }),
    (e: unknown) => {
      unstable_rethrow(e);
      return { ok: false as const, e };
    },
  );
  if (!found.ok) {
    // Not "no tenants": the cluster could not say. Tell the person so, not that they have none.
    logError('layout: tenants unavailable', found.e);
    const t = await getT();
    return (
      <main id="main" className="mx-auto max-w-3xl p-6">
        <PageNotice
          title={t('app.name')}
          message={renderProblem(problemOf(found.e), t).message}
          tone="error"
          back={{ href: '/', label: t('common.retry') }}
        />
      </main>
    );
  }
  const [tenants, operator] = found.v;
  return (
    <AppShell
      viewer={{ name: viewer.name, email: viewer.email }}
      tenants={tenants}
      operator={operator}
    >
      {children}
    </AppShell>
  );
}
