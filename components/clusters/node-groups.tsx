'use client';

import { useAction } from '@/components/actions/use-action';
import { ScaleControl } from '@/components/clusters/scale-control';
import { DataTable, type Column } from '@/components/resources/table/data-table';
import { useToast } from '@/components/ui/toast';
import { scaleClusterNodeGroup } from '@/lib/clusters/actions';
import type { NodeGroupSummary } from '@/lib/clusters/status';
import { useT } from '@/lib/i18n/client';

/** A cluster's node groups with their readiness, version and size control. */
export function NodeGroups({
  namespace,
  groups,
  canScale,
}: {
  namespace: string;
  groups: NodeGroupSummary[];
  canScale: boolean;
}) {
  const t = useT();
  const toast = useToast();
  const scale = useAction(scaleClusterNodeGroup, {
    onSuccess: () => toast('success', t('clusters.scaling')),
  });
  const columns: Column<NodeGroupSummary>[] = [
    {
      id: 'name',
      header: 'clusters.group',
      cell: (g) => <span className="font-medium">{g.name}</span>,
      sortValue: (g) => g.name,
    },
    { id: 'ready', header: 'clusters.ready', cell: (g) => `${g.ready}/${g.desired}` },
    { id: 'version', header: 'column.version', cell: (g) => g.version ?? '—' },
    {
      id: 'size',
      header: 'clusters.size',
      cell: (g) =>
        canScale ? (
          <ScaleControl
            key={`${g.desired}-${g.autoscale?.min}-${g.autoscale?.max}`}
            group={g}
            disabled={scale.pending}
            onScale={(size) =>
              void scale.run({ namespace, machineDeployment: g.machineDeployment, size })
            }
          />
        ) : g.autoscale ? (
          `${g.autoscale.min}–${g.autoscale.max}`
        ) : (
          g.desired
        ),
    },
  ];
  return (
    <DataTable
      label={t('clusters.new.nodeGroups')}
      rows={groups}
      columns={columns}
      rowKey={(g) => g.name}
      rowName={(g) => g.name}
      rowTestId="node-group-row"
      filterable={false}
    />
  );
}
