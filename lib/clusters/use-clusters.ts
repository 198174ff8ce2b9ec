'use client';

import type { UserError } from '../k8s/errors';
import { useLiveList } from '../live/use-live-list';
import { clusterLists } from './live';
import { summarizeCluster, type ClusterSummary } from './status';

/** Live summaries of a tenant's clusters, joined from Cluster, control plane and node group lists. */
export function useClusterSummaries(namespace: string): {
  summaries: ClusterSummary[];
  isLoading: boolean;
  /** Only the first pages so far (a long list rendered from the page's HTML). */
  partial: boolean;
  error: UserError | undefined;
} {
  const lists = clusterLists(namespace);
  const clusters = useLiveList(lists.clusters);
  const controlPlanes = useLiveList(lists.controlPlanes);
  const mds = useLiveList(lists.machineDeployments);
  const summaries = clusters.items
    .map((cl) =>
      summarizeCluster(
        cl,
        controlPlanes.items.find((k) => k.metadata?.name === cl.metadata?.name),
        mds.items,
      ),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    summaries,
    isLoading: clusters.isLoading,
    partial: clusters.partial || controlPlanes.partial || mds.partial,
    error: clusters.error,
  };
}
