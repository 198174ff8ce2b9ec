// What the nodes list needs of each Node, and nothing more: a Node carries images, capacity and
// NFD labels (~10 KB); its row ~0.5 KB. Pure.
import type { KubeObject } from '../k8s/types';
import type { NodeObject } from './types';

const keep = (o: Record<string, string> | undefined, want: (k: string) => boolean) =>
  Object.fromEntries(Object.entries(o ?? {}).filter(([k]) => want(k)));

export function nodeRow(o: KubeObject): NodeObject {
  const n = o as NodeObject;
  return {
    metadata: {
      name: n.metadata?.name,
      uid: n.metadata?.uid,
      resourceVersion: n.metadata?.resourceVersion,
      creationTimestamp: n.metadata?.creationTimestamp,
      labels: keep(n.metadata?.labels, (k) => k.startsWith('node-role.kubernetes.io/')),
      annotations: keep(n.metadata?.annotations, (k) => k.startsWith('fencing/')),
    },
    spec: {
      ...(n.spec?.unschedulable ? { unschedulable: true } : {}),
      ...(n.spec?.taints ? { taints: n.spec.taints } : {}),
    },
    status: {
      conditions: (n.status?.conditions ?? []).filter((c) => c.type === 'Ready'),
      ...(n.status?.nodeInfo ? { nodeInfo: n.status.nodeInfo } : {}),
    },
  };
}
