import { describe, expect, it } from 'vitest';

import type { FarObj, NodeObj } from '../kinds.ts';
import { FAR_TAINT, farTaints, nextFarStep, OUT_OF_SERVICE, shouldMarkFenced } from './far.ts';

const far = (): FarObj => ({
  metadata: { name: 'node-b6', namespace: 'medik8s', uid: 'f' },
  spec: { agent: 'fence_ipmilan' },
});

describe('nextFarStep', () => {
  it('goes Processing → FenceAgentActionSucceeded → Succeeded', () => {
    let cur = far();
    const reasons: string[] = [];
    for (let i = 0; i < 5; i++) {
      const step = nextFarStep(cur, true, '2026-01-01T00:00:00Z');
      if (!step) break;
      reasons.push(step.event.reason);
      cur = { ...cur, status: step.status };
    }
    expect(reasons).toEqual([
      'RemediationStarted',
      'FenceAgentSucceeded',
      'RemediationFinishedSuccessfully',
    ]);
    const byType = Object.fromEntries(
      (cur.status?.conditions ?? []).map((c) => [c.type, c.status]),
    );
    expect(byType).toEqual({
      Processing: 'False',
      FenceAgentActionSucceeded: 'True',
      Succeeded: 'True',
    });
    expect(cur.status?.lastUpdateTime).toBeTruthy();
  });

  it('finishes at once when the node does not exist', () => {
    expect(nextFarStep(far(), false, 'now')?.event.reason).toBe('RemediationFinishedNodeNotFound');
  });
});

describe('shouldMarkFenced', () => {
  const node = (state: string, ready = 'Unknown'): NodeObj => ({
    metadata: { name: 'node-b6', annotations: { 'fencing/state': state } },
    status: { conditions: [{ type: 'Ready', status: ready }] },
  });
  it('waits for the remediation when FAR is installed, not otherwise', () => {
    expect(shouldMarkFenced(node('started'), { available: true, succeeded: false })).toBe(false);
    expect(shouldMarkFenced(node('started'), { available: true, succeeded: true })).toBe(true);
    expect(shouldMarkFenced(node('started'), { available: false, succeeded: false })).toBe(true);
    expect(shouldMarkFenced(node('fenced'), { available: false, succeeded: true })).toBe(false);
    expect(shouldMarkFenced(node('started', 'True'), { available: false, succeeded: true })).toBe(
      false,
    );
  });
});

describe('farTaints', () => {
  const node = (taints: { key: string; effect: string; value?: string }[] = []): NodeObj => ({
    metadata: { name: 'node-b6' },
    spec: { taints },
  });
  const withConds = (types: [string, 'True' | 'False' | 'Unknown'][]): FarObj => ({
    ...far(),
    spec: { agent: 'fence_ipmilan', remediationStrategy: 'OutOfServiceTaint' },
    status: {
      conditions: types.map(([type, status]) => ({
        type,
        status,
        reason: 'R',
        message: '',
        lastTransitionTime: '2026-01-01T00:00:00Z',
      })),
    },
  });
  it('adds its NoExecute taint once started, the out-of-service taint once fenced', () => {
    expect(farTaints(node(), far())).toBeUndefined();
    const started = farTaints(node(), withConds([['Processing', 'True']]));
    expect(started?.map((t) => t.key)).toEqual([FAR_TAINT]);
    const fenced = farTaints(
      node(started),
      withConds([
        ['Processing', 'True'],
        ['FenceAgentActionSucceeded', 'True'],
      ]),
    );
    expect(fenced?.map((t) => t.key)).toEqual([FAR_TAINT, OUT_OF_SERVICE]);
    expect(
      farTaints(
        node(fenced),
        withConds([
          ['FenceAgentActionSucceeded', 'True'],
          ['Processing', 'True'],
        ]),
      ),
    ).toBeUndefined();
  });
  it('removes both when the remediation is gone, and keeps other taints', () => {
    const other = { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' };
    const left = farTaints(
      node([
        other,
        { key: FAR_TAINT, effect: 'NoExecute' },
        { key: OUT_OF_SERVICE, effect: 'NoExecute' },
      ]),
      undefined,
    );
    expect(left).toEqual([other]);
  });
});
