// helm-controller's answer to `flux reconcile` and to spec changes, as pure functions.
import type { HelmReleaseObj } from '../kinds.ts';
import { findCondition, setCondition } from '../conditions.ts';

export const REQUESTED_AT = 'reconcile.fluxcd.io/requestedAt';
export const FORCE_AT = 'reconcile.fluxcd.io/forceAt';
export const RESET_AT = 'reconcile.fluxcd.io/resetAt';

/** The pending reconcile request, if any. Suspended releases ignore requests, as in Flux. */
export function pendingRequest(hr: HelmReleaseObj): string | undefined {
  const at = hr.metadata.annotations?.[REQUESTED_AT];
  if (!at || hr.spec.suspend || hr.metadata.deletionTimestamp) return undefined;
  return at === hr.status?.lastHandledReconcileAt ? undefined : at;
}

export interface ReconcileResult {
  status: Record<string, unknown>;
  event?: { type: 'Normal' | 'Warning'; reason: string; message: string };
}

const releaseName = (hr: HelmReleaseObj) =>
  `${hr.spec.targetNamespace ?? hr.metadata.namespace}/${hr.spec.releaseName ?? hr.metadata.name}`;

export function handleRequest(hr: HelmReleaseObj, at: string, now: string): ReconcileResult {
  const a = hr.metadata.annotations ?? {};
  const s = hr.status ?? {};
  const force = a[FORCE_AT] === at;
  const reset = a[RESET_AT] === at;
  const status: Record<string, unknown> = {
    lastHandledReconcileAt: at,
    observedGeneration: hr.metadata.generation,
    ...(force ? { lastHandledForceAt: at } : {}),
    ...(reset
      ? { lastHandledResetAt: at, failures: 0, installFailures: 0, upgradeFailures: 0 }
      : {}),
  };
  const ready = findCondition(s.conditions, 'Ready');
  const last = s.history?.[0];
  if (ready?.status === 'True' && last) {
    const version = force ? last.version + 1 : last.version;
    const message = `Helm upgrade succeeded for release ${releaseName(hr)}.v${version} with chart ${last.chartName}@${last.chartVersion}`;
    status.conditions = setCondition(
      s.conditions,
      {
        type: 'Ready',
        status: 'True',
        reason: 'UpgradeSucceeded',
        message,
        lastTransitionTime: now,
        observedGeneration: hr.metadata.generation,
      },
      now,
    );
    if (force)
      status.history = [
        { ...last, version, lastDeployed: now, status: 'deployed' },
        ...(s.history ?? []).map((h) => ({ ...h, status: 'superseded' })),
      ].slice(0, 5);
    return { status, event: { type: 'Normal', reason: 'UpgradeSucceeded', message } };
  }
  if (ready?.status === 'False') {
    if (!reset) status.failures = (s.failures ?? 0) + 1;
    return { status, event: { type: 'Warning', reason: ready.reason, message: ready.message } };
  }
  return { status };
}

/** The bookkeeping of a handled request alone (the verdict is written separately). */
export function handledOnly(hr: HelmReleaseObj, at: string): Record<string, unknown> {
  const force = hr.metadata.annotations?.[FORCE_AT] === at;
  return { lastHandledReconcileAt: at, ...(force ? { lastHandledForceAt: at } : {}) };
}

/** Spec changed since the last reconcile (e.g. resume after suspend): catch up observedGeneration. */
export function needsGenerationSync(hr: HelmReleaseObj): boolean {
  const gen = hr.metadata.generation;
  // Only once a controller (here: the seed) has reported on it at all.
  return (
    !hr.spec.suspend &&
    gen !== undefined &&
    !!hr.status?.conditions?.length &&
    hr.status.observedGeneration !== gen
  );
}
