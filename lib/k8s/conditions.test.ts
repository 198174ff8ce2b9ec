import { describe, expect, it } from 'vitest';

import { blockingCondition, isHealthy, sortConditions } from './conditions';
import type { Condition } from './types';

const c = (type: string, status: Condition['status'], extra: Partial<Condition> = {}) => ({
  type,
  status,
  ...extra,
});

describe('conditions', () => {
  it('knows negative polarity: RollingOut=False is the good state', () => {
    expect(isHealthy(c('RollingOut', 'False'))).toBe(true);
    expect(isHealthy(c('RollingOut', 'True'))).toBe(false);
    expect(isHealthy(c('Available', 'True'))).toBe(true);
    expect(isHealthy(c('Available', 'Unknown'))).toBe(false);
  });

  it('names nothing to wait for on a ready Cluster API object', () => {
    const ready = [
      c('Available', 'True'),
      c('Paused', 'False', { reason: 'NotPaused' }),
      c('RollingOut', 'False', { reason: 'NotRollingOut' }),
      c('ScalingUp', 'False', { reason: 'NotScalingUp' }),
      c('Ready', 'True'),
    ];
    expect(blockingCondition(ready)).toBeUndefined();
  });

  it('names the specific condition before the Ready summary', () => {
    const waiting = [
      c('Ready', 'False', { message: 'not ready' }),
      c('ControlPlaneAvailable', 'False', { reason: 'Waiting', message: '0 of 2 replicas' }),
      c('ScalingUp', 'True', { message: 'scaling up to 3' }),
    ];
    expect(blockingCondition(waiting)?.type).toBe('ControlPlaneAvailable');
    expect(sortConditions(waiting).map((x) => x.type)).toEqual([
      'Ready',
      'ControlPlaneAvailable',
      'ScalingUp',
    ]);
  });
});
