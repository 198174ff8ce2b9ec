// Conditions, read the way a person asks: is it waiting on something, and on what? Pure.
import type { Condition } from './types';

/** Ready first, then the rest by type. */
export function sortConditions(conditions: Condition[]): Condition[] {
  return [...conditions].sort(
    (a, b) =>
      Number(b.type === 'Ready') - Number(a.type === 'Ready') || a.type.localeCompare(b.type),
  );
}

// Conditions whose True is the abnormal state: Cluster API v1beta2's negative polarity (Paused,
// Deleting, RollingOut, Scaling*, Remediating) and kstatus' Reconciling/Stalled (Flux).
const abnormalWhenTrue = new Set([
  'Paused',
  'Deleting',
  'RollingOut',
  'ScalingUp',
  'ScalingDown',
  'Remediating',
  'Reconciling',
  'Stalled',
]);

/** Whether a condition is in its good state, whichever its polarity. */
export function isHealthy(c: Condition): boolean {
  return abnormalWhenTrue.has(c.type) ? c.status === 'False' : c.status === 'True';
}

/** The condition that explains the wait: the first unhealthy one (Ready last, it only sums up). */
export function blockingCondition(conditions: Condition[]): Condition | undefined {
  const unhealthy = conditions.filter((c) => !isHealthy(c));
  return unhealthy.find((c) => c.type !== 'Ready' && (c.message || c.reason)) ?? unhealthy[0];
}

export function conditionsOf(o: { status?: unknown } | undefined): Condition[] {
  const st = o?.status;
  if (!st || typeof st !== 'object' || !('conditions' in st) || !Array.isArray(st.conditions))
    return [];
  return st.conditions.filter(
    (c: unknown): c is Condition => typeof c === 'object' && c !== null && 'type' in c,
  );
}

export function findCondition(
  conditions: Condition[] | undefined,
  type: string,
): Condition | undefined {
  return conditions?.find((c) => c.type === type);
}
