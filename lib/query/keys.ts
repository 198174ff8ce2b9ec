// The one query-key factory. Server prefetch, client hooks and the live stream all key lists this way.
import type { Subscription } from '../live/protocol';

export const queryKeys = {
  all: ['k8s'] as const,
  lists: (model: string) => ['k8s', model, 'list'] as const,
  list: (s: Subscription) =>
    [
      'k8s',
      s.model,
      'list',
      s.namespace ?? '',
      s.labelSelector ?? '',
      s.fieldSelector ?? '',
      s.view ?? '',
    ] as const,
  tenants: () => ['tenants'] as const,
  /** LINSTOR pools and degraded volumes of all tenants (operators). */
  storageOverview: () => ['linstor', 'overview'] as const,
  /** The LINSTOR replicas on one node (operators). */
  nodeReplicas: (node: string) => ['linstor', 'node', node] as const,
  /** LINSTOR replica health of a tenant's claims; `changes` moves when the claims change. */
  volumeHealth: (namespace: string, names: string[] | undefined, changes: string) =>
    ['linstor', 'health', namespace, names?.join(',') ?? '*', changes] as const,
};
