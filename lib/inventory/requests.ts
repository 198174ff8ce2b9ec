// Requests per node, summed from the pods bound to it as the scheduler counts them: the larger of
// the sum of the containers and any init container, plus the pod overhead. Pure.
import { parseQuantity } from '../tenants/quantity';
import type { KubeObject } from '../k8s/types';
import type { NodeRequests } from './rows';

type Resources = { requests?: Record<string, string> };
export type PodLike = KubeObject & {
  spec?: {
    nodeName?: string;
    containers?: { resources?: Resources }[];
    initContainers?: { resources?: Resources }[];
    overhead?: Record<string, string>;
  };
  status?: { phase?: string };
};

const q = (v: string | undefined) => (v ? (parseQuantity(v) ?? 0) : 0);

function podRequest(p: PodLike, res: 'cpu' | 'memory'): number {
  const sum = (p.spec?.containers ?? []).reduce((s, c) => s + q(c.resources?.requests?.[res]), 0);
  const init = Math.max(
    0,
    ...(p.spec?.initContainers ?? []).map((c) => q(c.resources?.requests?.[res])),
  );
  return Math.max(sum, init) + q(p.spec?.overhead?.[res]);
}

export function requestsByNode(pods: PodLike[]): NodeRequests {
  const out: NodeRequests = {};
  for (const p of pods) {
    const node = p.spec?.nodeName;
    const phase = p.status?.phase;
    if (!node || phase === 'Succeeded' || phase === 'Failed') continue;
    const r = (out[node] ??= { cpu: 0, memory: 0, pods: 0 });
    r.cpu += podRequest(p, 'cpu');
    r.memory += podRequest(p, 'memory');
    r.pods += 1;
  }
  return out;
}
