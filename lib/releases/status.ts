// A HelmRelease as a person reads it: state, why, what is installed and what was tried. Pure.
import { findCondition } from '../k8s/conditions';
import { REQUESTED_AT, SUSPENDED_BY } from './annotations';
import type { FluxSourceObject, ReleaseObject, SourceRef } from './types';

export type ReleaseState = 'failing' | 'progressing' | 'suspended' | 'ready';
/** Failures first, then what is moving, then what is held, then the healthy rest. */
export const releaseStates: ReleaseState[] = ['failing', 'progressing', 'suspended', 'ready'];

/** The label tenant add-on releases carry (lib/clusters/build.ts CLUSTER_LABEL). */
export const CLUSTER_LABEL = 'stratus.dev/cluster';

export interface ReleaseSummary {
  namespace: string;
  name: string;
  state: ReleaseState;
  reason?: string;
  message?: string;
  chart: string;
  version?: string;
  source?: SourceRef;
  /** The chart version of the deployed Helm release, from history. */
  appliedRevision?: string;
  attemptedRevision?: string;
  /** When Ready last changed (what `flux get hr` calls the last reconcile). */
  lastReconcile?: string;
  requestedAt?: string;
  handledAt?: string;
  /** A reconcile was asked for and helm-controller has not handled it yet. */
  pending: boolean;
  suspendedBy?: string;
  failures: number;
  /** Tenant add-on releases: which tenant's which cluster. */
  tenant?: string;
  cluster?: string;
}

export function sourceRefOf(hr: ReleaseObject): SourceRef | undefined {
  const ns = hr.metadata?.namespace;
  const ref = hr.spec?.chart?.spec?.sourceRef ?? hr.spec?.chartRef;
  return ref ? { ...ref, namespace: ref.namespace ?? ns } : undefined;
}

export function releaseState(hr: ReleaseObject): ReleaseState {
  if (hr.spec?.suspend) return 'suspended';
  const conds = hr.status?.conditions;
  const ready = findCondition(conds, 'Ready');
  if (findCondition(conds, 'Reconciling')?.status === 'True') return 'progressing';
  // Waiting for a dependency is Flux holding the release, not a failure of it.
  if (ready?.status === 'False' && ready.reason !== 'DependencyNotReady') return 'failing';
  if (ready?.status === 'True') return 'ready';
  return 'progressing';
}

export function summarizeRelease(hr: ReleaseObject, tenantPrefix = 'tenant-'): ReleaseSummary {
  const namespace = hr.metadata?.namespace ?? '';
  const ann = hr.metadata?.annotations ?? {};
  const st = hr.status ?? {};
  const ready = findCondition(st.conditions, 'Ready');
  const stalled = findCondition(st.conditions, 'Stalled');
  const deployed = st.history?.find((h) => h.status === 'deployed');
  const chartSpec = hr.spec?.chart?.spec;
  const last = st.history?.[0];
  const source = sourceRefOf(hr);
  const cluster = hr.metadata?.labels?.[CLUSTER_LABEL];
  const requestedAt = ann[REQUESTED_AT];
  const handledAt = st.lastHandledReconcileAt;
  const state = releaseState(hr);
  return {
    namespace,
    name: hr.metadata?.name ?? '',
    state,
    reason: stalled?.status === 'True' ? stalled.reason : ready?.reason,
    message: ready?.message,
    chart:
      chartSpec?.chart ??
      last?.chartName ??
      (hr.spec?.chartRef ? `${hr.spec.chartRef.kind}/${hr.spec.chartRef.name}` : ''),
    version: chartSpec?.version ?? last?.chartVersion,
    source,
    appliedRevision: deployed?.chartVersion,
    attemptedRevision: st.lastAttemptedRevision,
    lastReconcile: ready?.lastTransitionTime,
    requestedAt,
    handledAt,
    pending: !!requestedAt && requestedAt !== handledAt && !hr.spec?.suspend,
    suspendedBy: hr.spec?.suspend ? ann[SUSPENDED_BY] : undefined,
    failures: st.failures ?? 0,
    ...(cluster && namespace.startsWith(tenantPrefix)
      ? { tenant: namespace.slice(tenantPrefix.length), cluster }
      : {}),
  };
}

export type SourceState = 'ready' | 'failing' | 'progressing' | 'suspended' | 'missing';

export interface SourceHealth {
  kind: string;
  namespace?: string;
  name: string;
  state: SourceState;
  message?: string;
  revision?: string;
  url?: string;
  updated?: string;
}

/**
 * The health of a release's chart source. An OCI HelmRepository is static: source-controller writes
 * no Ready condition for it, so having none is not a failure.
 */
export function sourceHealth(ref: SourceRef, src: FluxSourceObject | undefined): SourceHealth {
  const base = { kind: ref.kind, namespace: ref.namespace, name: ref.name };
  if (!src) return { ...base, state: 'missing' };
  const ready = findCondition(src.status?.conditions, 'Ready');
  const state: SourceState = src.spec?.suspend
    ? 'suspended'
    : ready?.status === 'True' || (!ready && src.spec?.type === 'oci')
      ? 'ready'
      : ready?.status === 'False'
        ? 'failing'
        : 'progressing';
  return {
    ...base,
    state,
    message: ready?.message,
    revision: src.status?.artifact?.revision,
    url: src.spec?.url,
    updated: src.status?.artifact?.lastUpdateTime,
  };
}
