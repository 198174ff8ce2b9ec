import 'server-only';

import { randomUUID } from 'node:crypto';

import { msg } from './i18n/messages';
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

/**
 * A JSON body from this dashboard's own pages, at most `maxBytes`: anything else (another origin,
 * a form post, an oversized body) is refused before it is parsed.
 */
export async function readOwnJson(
  req: Request,
  maxBytes = 64 * 1024,
): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const refuse = async (status: number) => ({
    ok: false as const,
    response: await problemResponse({ code: 'invalid', status, message: msg('error.badRequest') }),
  });
  const origin = req.headers.get('origin');
  const own = process.env.NEXTAUTH_URL
    ? new URL(process.env.NEXTAUTH_URL).origin
    : new URL(req.url).origin;
  if (origin !== null && origin !== own) return refuse(403);
  if (!/^application\/json\b/i.test(req.headers.get('content-type') ?? '')) return refuse(415);
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > maxBytes) return refuse(413);
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) return refuse(413);
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return refuse(400);
  }
}
