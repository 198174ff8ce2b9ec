'use client';

/**
 * Hook for "LINSTOR replicas on this node" on the node page. LINSTOR volumes live in their own
 * domain (lib/linstor); once it is merged, render its replicas for `node` here (the node page already
 * places this under "Affected tenants" with the title nodes.detail.linstor). Until then: nothing.
 */
export function NodeLinstorReplicas({ node }: { node: string }): React.ReactNode {
  void node;
  return null;
}
