import { AppShell } from '@/components/shell/app-shell';
import { getViewer, signInRedirect } from '@/lib/auth/session';
import { kubeFor } from '@/lib/k8s/client';
import { isOperator, tenantsFor } from '@/lib/tenants/server';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  if (!viewer) return signInRedirect();
  const kube = kubeFor(viewer.identity);
  const [tenants, operator] = await Promise.all([tenantsFor(viewer, kube), isOperator(kube)]);
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
