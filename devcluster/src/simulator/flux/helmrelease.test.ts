import { describe, expect, it } from 'vitest';

import type { HelmReleaseObj } from '../kinds.ts';
import {
  FORCE_AT,
  handledOnly,
  handleRequest,
  needsGenerationSync,
  pendingRequest,
  REQUESTED_AT,
  RESET_AT,
} from './helmrelease.ts';

const at = '2026-01-01T10:00:00.123456789Z';
const hr = (
  ready: 'True' | 'False' | 'Unknown',
  annotations: Record<string, string> = {},
  over: Partial<HelmReleaseObj['spec']> = {},
): HelmReleaseObj => ({
  metadata: { name: 'cilium', namespace: 'cozy-cilium', generation: 3, annotations },
  spec: { releaseName: 'cilium', ...over },
  status: {
    observedGeneration: 3,
    failures: 2,
    conditions: [
      {
        type: 'Ready',
        status: ready,
        reason: ready === 'False' ? 'UpgradeFailed' : 'InstallSucceeded',
        message: 'm',
        lastTransitionTime: 'old',
      },
    ],
    history: [{ chartName: 'cilium', chartVersion: '1.18.4', version: 7, status: 'deployed' }],
  },
});

describe('pendingRequest', () => {
  it('is the requestedAt annotation until handled, and ignored while suspended', () => {
    expect(pendingRequest(hr('True'))).toBeUndefined();
    expect(pendingRequest(hr('True', { [REQUESTED_AT]: at }))).toBe(at);
    const handled = hr('True', { [REQUESTED_AT]: at });
    handled.status = { ...handled.status, lastHandledReconcileAt: at };
    expect(pendingRequest(handled)).toBeUndefined();
    expect(pendingRequest(hr('True', { [REQUESTED_AT]: at }, { suspend: true }))).toBeUndefined();
  });
});

describe('handleRequest', () => {
  it('marks the request handled and refreshes Ready for a healthy release', () => {
    const r = handleRequest(hr('True', { [REQUESTED_AT]: at }), at, 'now');
    expect(r.status.lastHandledReconcileAt).toBe(at);
    const ready = (
      r.status.conditions as { type: string; message: string; lastTransitionTime: string }[]
    ).find((c) => c.type === 'Ready');
    expect(ready?.message).toBe(
      'Helm upgrade succeeded for release cozy-cilium/cilium.v7 with chart cilium@1.18.4',
    );
    expect(ready?.lastTransitionTime).toBe('now');
    expect(r.event?.reason).toBe('UpgradeSucceeded');
  });

  it('counts another failure for a failed release, unless reset', () => {
    expect(handleRequest(hr('False'), at, 'now').status.failures).toBe(3);
    const reset = handleRequest(hr('False', { [REQUESTED_AT]: at, [RESET_AT]: at }), at, 'now');
    expect(reset.status).toMatchObject({ failures: 0, upgradeFailures: 0, lastHandledResetAt: at });
  });

  it('records a forced upgrade as a new revision', () => {
    const r = handleRequest(hr('True', { [REQUESTED_AT]: at, [FORCE_AT]: at }), at, 'now');
    expect(r.status.lastHandledForceAt).toBe(at);
    expect((r.status.history as { version: number }[])[0]?.version).toBe(8);
  });
});

describe('needsGenerationSync', () => {
  it('catches up after a spec change, not while suspended', () => {
    const changed = hr('True');
    changed.metadata.generation = 4;
    expect(needsGenerationSync(changed)).toBe(true);
    expect(needsGenerationSync({ ...changed, spec: { suspend: true } })).toBe(false);
    expect(needsGenerationSync(hr('True'))).toBe(false);
  });
});

describe('handledOnly', () => {
  it('records the request, and the force only when forceAt equals requestedAt', () => {
    expect(handledOnly(hr('True', { [REQUESTED_AT]: at }), at)).toEqual({
      lastHandledReconcileAt: at,
    });
    expect(handledOnly(hr('True', { [REQUESTED_AT]: at, [FORCE_AT]: at }), at)).toEqual({
      lastHandledReconcileAt: at,
      lastHandledForceAt: at,
    });
    expect(handledOnly(hr('True', { [REQUESTED_AT]: at, [FORCE_AT]: 'older' }), at)).toEqual({
      lastHandledReconcileAt: at,
    });
  });
});
