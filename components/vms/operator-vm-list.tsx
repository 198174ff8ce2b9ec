'use client';

import { useMemo } from 'react';

import { DataTable } from '@/components/resources/table/data-table';
import { useT } from '@/lib/i18n/client';
import { tenantHref } from '@/lib/navigation';
import { useVmSummaries } from '@/lib/vms/use-vms';

import { vmColumns } from './vm-list';

/** Every tenant's VMs in one list, for operators: tenant, node and state at a glance. */
export function OperatorVmList({ tenantPrefix }: { tenantPrefix: string }) {
  const t = useT();
  const { summaries, isLoading, partial, error } = useVmSummaries(undefined);
  // One column set while the language and prefix hold: the filter's index is kept per column set.
  const columns = useMemo(() => {
    const tenantOf = (ns: string) =>
      ns.startsWith(tenantPrefix) ? ns.slice(tenantPrefix.length) : ns;
    return vmColumns(t, (s) => tenantHref(tenantOf(s.namespace), 'virtualmachines', s.name), {
      tenantOf: (s) => tenantOf(s.namespace),
    });
  }, [t, tenantPrefix]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('nav.vms')}</h1>
      {error ? (
        <p role="alert">{error.message}</p>
      ) : (
        <DataTable
          label={t('nav.vms')}
          rows={summaries}
          columns={columns}
          rowKey={(s) => `${s.namespace}/${s.name}`}
          rowName={(s) => s.name}
          isLoading={isLoading}
          partial={partial}
          empty={t('vms.none')}
        />
      )}
    </div>
  );
}
