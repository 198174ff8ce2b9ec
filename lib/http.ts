import 'server-only';

import { toUserError, type ErrorContext, type UserError } from './k8s/errors';

/** Route handlers answer failures with the mapped error only; the raw one stays in the server log. */
export function errorResponse(err: unknown, ctx: ErrorContext = {}): Response {
  const e = userErrorOf(err, ctx);
  return Response.json(
    { error: e },
    { status: e.status, headers: { 'Cache-Control': 'no-store' } },
  );
}

export function userErrorOf(err: unknown, ctx: ErrorContext = {}): UserError {
  const e = toUserError(err, ctx);
  if (e.code === 'serverError' || e.code === 'unreachable') console.error('[stratus]', err);
  return e;
}
