import type { UserError } from '../k8s/errors';
import type { ModelId } from '../k8s/models';
import type { ListOf, Subscription } from './protocol';

/** A list fetch failed; carries the mapped error so pages can show it. */
export class ListError extends Error {
  constructor(readonly error: UserError) {
    super(error.message);
  }
}

/** Browser side of a list query (used when a page did not prefetch it). */
export async function fetchList<Id extends ModelId>(s: Subscription<Id>): Promise<ListOf<Id>> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(s)) if (typeof v === 'string') q.set(k, v);
  const res = await fetch(`/api/k8s/list?${q}`, { cache: 'no-store' });
  const body: ListOf<Id> | { error: UserError } = await res.json();
  if ('error' in body) throw new ListError(body.error);
  return body;
}
