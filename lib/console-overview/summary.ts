// The operator's landing page: what needs attention, counted from the live lists. Pure.
import { conditionsOf, findCondition } from '../k8s/conditions';
import type { NodeObject } from '../k8s/objects';
import type { KubeObject } from '../k8s/types';
import { releaseState } from '../releases/status';
import type { ReleaseObject } from '../releases/types';

/** A pool counts as nearly full from this share of its addresses. */
export const POOL_NEARLY_FULL = 0.85;

const counter = (o: KubeObject, key: string): number => {
  const st = o.status;
  if (!st || typeof st !== 'object' || !(key in st)) return 0;
  const v: unknown = (st as Record<string, unknown>)[key];
  return typeof v === 'number' ? v : 0;
};

export function nodeCounts(nodes: NodeObject[]) {
  const ready = nodes.filter(
    (n) => n.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True',
  ).length;
  return { ready, notReady: nodes.length - ready };
}

/** FAR and SNR objects still at work: not being deleted, not Succeeded. */
export function remediationsInFlight(items: KubeObject[]): number {
  return items.filter(
    (r) =>
      !r.metadata?.deletionTimestamp &&
      findCondition(conditionsOf(r), 'Succeeded')?.status !== 'True',
  ).length;
}

export const failingReleases = (hrs: ReleaseObject[]) =>
  hrs.filter((h) => releaseState(h) === 'failing').length;

/**
 * MetalLB pools by use, from IPAddressPool.status (MetalLB ≥ 0.15 keeps assigned/available
 * counters there): the share assigned of the pool's addresses.
 */
export function poolUse(pools: KubeObject[]) {
  return pools.map((p) => {
    const assigned = counter(p, 'assignedIPv4') + counter(p, 'assignedIPv6');
    const available = counter(p, 'availableIPv4') + counter(p, 'availableIPv6');
    const total = assigned + available;
    return {
      name: p.metadata?.name ?? '',
      assigned,
      total,
      ratio: total ? assigned / total : 0,
    };
  });
}

export const nearlyFullPools = (pools: KubeObject[]) =>
  poolUse(pools).filter((p) => p.total > 0 && p.ratio >= POOL_NEARLY_FULL);
