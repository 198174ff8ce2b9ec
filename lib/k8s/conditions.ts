// Conditions, read the way a person asks: is it waiting on something, and on what? Pure.
import type { Condition } from './types';

/** Ready first, then the rest by type. */
export function sortConditions(conditions: Condition[]): Condition[] {
  return [...conditions].sort(
    (a, b) =>
      Number(b.type === 'Ready') - Number(a.type === 'Ready') || a.type.localeCompare(b.type),
  );
}

/** The condition that explains the wait: the first one not True (Ready last, it only sums up). */
export function blockingCondition(conditions: Condition[]): Condition | undefined {
  const notTrue = conditions.filter((c) => c.status !== 'True');
  return notTrue.find((c) => c.type !== 'Ready' && (c.message || c.reason)) ?? notTrue[0];
}

export function conditionsOf(o: { status?: unknown } | undefined): Condition[] {
  const st = o?.status;
  if (!st || typeof st !== 'object' || !('conditions' in st) || !Array.isArray(st.conditions))
    return [];
  return st.conditions.filter(
    (c: unknown): c is Condition => typeof c === 'object' && c !== null && 'type' in c,
  );
}
