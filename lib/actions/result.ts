import type { UserError } from '../k8s/errors';

/** What every server action returns: never throws to the browser, never leaks raw errors. */
export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; error: UserError };
