'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';

import { FormAlert } from '@/components/forms/form-alert';
import { DataTable, type Column } from '@/components/resources/table/data-table';
import { replicaColumns } from '@/components/volumes/replica-table';
import { useT } from '@/lib/i18n/client';
import { tenantHref } from '@/lib/navigation';
import { nodeReplicas } from '@/lib/nodes/actions';
import type { NodeReplicaRow } from '@/lib/nodes/server';
import { queryKeys } from '@/lib/query/keys';

/**
 * The LINSTOR replicas this node holds and whose volumes they are. LINSTOR has no watch API: asked
 * every three seconds, like the storage page.
 */
export function NodeLinstorReplicas({
  node,
  tenantPrefix,
}: {
  node: string;
  tenantPrefix: string;
}): React.ReactNode {
  const t = useT();
  const q = useQuery({
    queryKey: queryKeys.nodeReplicas(node),
    queryFn: async () => {
      const r = await nodeReplicas({ name: node });
      if (!r.ok) throw new Error(r.error.message);
      return r.data;
    },
    refetchInterval: 3000,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
  if (q.error) return <FormAlert message={q.error.message} />;
  if (!q.data) return null;
  if (!q.data.ok)
    return (
      <p className="text-sm text-slate-500" data-testid="node-replicas-unavailable">
        {t('volumes.replicas.unavailable')}: {t(q.data.reason)}
      </p>
    );
  const volume: Column<NodeReplicaRow> = {
    id: 'volume',
    header: 'nodes.replicas.volume',
    cell: (r) => {
      const c = r.claim;
      if (!c?.namespace.startsWith(tenantPrefix)) return r.resource;
      const tenant = c.namespace.slice(tenantPrefix.length);
      return (
        <Link
          className="text-indigo-600 hover:underline"
          href={tenantHref(tenant, 'volumes', c.name)}
        >
          {tenant}/{c.name}
        </Link>
      );
    },
    sortValue: (r) => r.claim?.namespace ?? r.resource,
  };
  const rest = replicaColumns(t, []).filter((c) => c.id !== 'node');
  return (
    <DataTable
      label={t('nodes.detail.linstor')}
      rows={q.data.rows}
      columns={[volume, ...rest]}
      rowKey={(r) => r.resource}
      rowName={(r) => r.resource}
      rowTestId="node-replica-row"
      filterable={false}
      initialSort={null}
      empty={t('nodes.replicas.none')}
    />
  );
}
