import type { UserError } from '../k8s/errors';
import type { ListData, Subscription } from './protocol';

/** A list fetch failed; carries the mapped error so pages can show it. */
export class ListError extends Error {
  constructor(readonly error: UserError) {
    super(error.message);
  }
}

/** Browser side of a list query (used when a page did not prefetch it). */
export async function fetchList(s: Subscription): Promise<ListData> {
  const q = new URLSearchParams(
    Object.entries(s).filter(([, v]) => v !== undefined) as [string, string][],
  );
  const res = await fetch(`/api/k8s/list?${q}`, { cache: 'no-store' });
  const body = (await res.json()) as ListData | { error: UserError };
  if ('error' in body) throw new ListError(body.error);
  return body;
}
