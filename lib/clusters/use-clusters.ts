'use client';

import { useLiveList } from '../live/use-live-list';
import { clusterLists } from './live';
import { summarizeCluster, type ClusterSummary } from './status';

/** Live summaries of a tenant's clusters, joined from Cluster, control plane and node group lists. */
export function useClusterSummaries(namespace: string): {
  summaries: ClusterSummary[];
  isLoading: boolean;
  error: ReturnType<typeof useLiveList>['error'];
} {
  const [c, cp, md] = clusterLists(namespace);
  const clusters = useLiveList(c ?? { model: 'clusters', namespace });
  const controlPlanes = useLiveList(cp ?? { model: 'kamajicontrolplanes', namespace });
  const mds = useLiveList(md ?? { model: 'machinedeployments', namespace });
  const summaries = clusters.items
    .map((cl) =>
      summarizeCluster(
        cl,
        controlPlanes.items.find((k) => k.metadata?.name === cl.metadata?.name),
        mds.items,
      ),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
  return { summaries, isLoading: clusters.isLoading, error: clusters.error };
}
