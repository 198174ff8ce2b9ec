import 'server-only';

import { randomUUID } from 'node:crypto';

import { getT } from './i18n/server';
import { problemOf, renderProblem, type ErrorContext, type Problem } from './k8s/errors';
import { logError } from './log';

/** Route handlers answer failures in the mapper's shape only; the raw error stays in the server log. */
export async function errorResponse(err: unknown, ctx: ErrorContext = {}): Promise<Response> {
  const problem = problemOf(err, ctx);
  const requestId = randomUUID();
  logError('request failed', err, { requestId, code: problem.code });
  return problemResponse(problem, requestId);
}

export async function problemResponse(problem: Problem, requestId?: string): Promise<Response> {
  const error = { ...renderProblem(problem, await getT()), ...(requestId ? { requestId } : {}) };
  return Response.json(
    { error },
    { status: error.status, headers: { 'Cache-Control': 'no-store' } },
  );
}
