import { AppShell } from '@/components/shell/app-shell';
import { requirePageKube } from '@/lib/auth/session';
import { isOperator, tenantsFor } from '@/lib/tenants/server';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const { viewer, kube } = await requirePageKube();
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
