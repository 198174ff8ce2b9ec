// metav1.Condition helpers: a condition keeps its lastTransitionTime unless its status changes.
import type { Condition } from './kube/types.ts';

export type ConditionInput = Omit<Condition, 'lastTransitionTime'> & {
  lastTransitionTime?: string;
};

export const findCondition = (
  list: readonly Condition[] | undefined,
  type: string,
): Condition | undefined => list?.find((c) => c.type === type);

export const isTrue = (list: readonly Condition[] | undefined, type: string): boolean =>
  findCondition(list, type)?.status === 'True';

/** Returns a new list with `c` set; order of existing types is kept, new ones go last. */
export function setCondition(
  list: readonly Condition[] | undefined,
  c: ConditionInput,
  now: string,
): Condition[] {
  const old = findCondition(list, c.type);
  const next: Condition = {
    ...c,
    lastTransitionTime:
      c.lastTransitionTime ?? (old && old.status === c.status ? old.lastTransitionTime : now),
  };
  const out = (list ?? []).map((x) => (x.type === c.type ? next : x));
  return old ? out : [...out, next];
}

export function setConditions(
  list: readonly Condition[] | undefined,
  cs: ConditionInput[],
  now: string,
): Condition[] {
  return cs.reduce<Condition[]>((acc, c) => setCondition(acc, c, now), [...(list ?? [])]);
}

/** Equal ignoring lastTransitionTime, so a recomputed status only patches on real change. */
export function sameConditions(
  a: readonly Condition[] | undefined,
  b: readonly Condition[] | undefined,
): boolean {
  const strip = (l: readonly Condition[] | undefined) =>
    JSON.stringify((l ?? []).map(({ lastTransitionTime: _t, ...rest }) => rest));
  return strip(a) === strip(b);
}

export const nowIso = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Shorthand for a condition to set. */
export const cond = (
  type: string,
  status: Condition['status'],
  reason: string,
  message = '',
): ConditionInput => ({
  type,
  status,
  reason,
  message,
});
