// A drain, as kubectl drain does it: which pods to evict, and what a refusal means. Pure.
import type { StatusBody } from '../k8s/errors';
import type { PodObject } from './types';

export type SkipReason = 'daemonSet' | 'mirror' | 'finished';

/** Pods a drain leaves alone: DaemonSet pods (they would come back), mirror pods, finished pods. */
export function skipReason(pod: PodObject): SkipReason | undefined {
  if (pod.metadata?.ownerReferences?.some((o) => o.kind === 'DaemonSet' && o.controller))
    return 'daemonSet';
  if (pod.metadata?.annotations?.['kubernetes.io/config.mirror']) return 'mirror';
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return 'finished';
  return undefined;
}

export interface DrainPod {
  namespace: string;
  name: string;
}

export interface Refused extends DrainPod {
  /** The PodDisruptionBudget that refused, when the API server named it. */
  pdb?: string;
  detail: string;
}

export interface DrainResult {
  node: string;
  evicted: DrainPod[];
  refused: Refused[];
  skipped: (DrainPod & { reason: SkipReason })[];
}

/**
 * The PodDisruptionBudget an eviction's 429 names. The API server answers "Cannot evict pod as it
 * would violate the pod's disruption budget." with a cause of reason DisruptionBudget whose message
 * is "The disruption budget <name> needs <n> healthy pods and has <m> currently"
 * (pkg/registry/core/pod/storage/eviction.go).
 */
export function refusalOf(body: StatusBody): { pdb?: string; detail: string } {
  const cause = body.details?.causes?.find((c) => c.reason === 'DisruptionBudget');
  const named = /disruption budget (\S+)/.exec(cause?.message ?? '');
  return {
    ...(named?.[1] ? { pdb: named[1] } : {}),
    detail: cause?.message ?? body.message ?? '',
  };
}
