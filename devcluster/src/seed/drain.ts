// Something to drain: platform pods on a kwok node (kwok runs them), two of them under a
// PodDisruptionBudget that allows no disruption, so a drain of node-a5 evicts some pods and is
// refused for the other, naming the budget.
import type { KObj } from '../simulator/kube/types.ts';
import type { SeedClient } from './client.ts';

export const DRAIN_NAMESPACE = 'ingress-system';
export const drainNode = 'node-a5';

const pod = (name: string, node: string, app: string): KObj => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: DRAIN_NAMESPACE, labels: { app } },
  spec: {
    nodeName: node,
    tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists' }],
    containers: [{ name: app, image: `registry.k8s.io/ingress-nginx/controller:v1.12.1` }],
  },
});

export function drainObjects(): KObj[] {
  return [
    pod('ingress-nginx-controller-a4', 'node-a4', 'ingress-nginx'),
    pod('ingress-nginx-controller-a5', drainNode, 'ingress-nginx'),
    pod('default-backend-a5', drainNode, 'default-backend'),
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'ingress-nginx', namespace: DRAIN_NAMESPACE },
      spec: { minAvailable: 2, selector: { matchLabels: { app: 'ingress-nginx' } } },
    },
  ];
}

export async function seedDrain(c: SeedClient): Promise<void> {
  await c.apply(drainObjects());
}
