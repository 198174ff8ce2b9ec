import { getViewer } from '@/lib/auth/session';
import { problemResponse, readOwnJson } from '@/lib/http';
import { msg } from '@/lib/i18n/messages';
import { findStream } from '@/lib/live/hub';
import { subscriptionsRequestSchema } from '@/lib/live/schema';
import { FORWARDED_HEADER, streamHome } from '@/lib/live/replicas';
import { metrics } from '@/lib/serving/metrics.mjs';

export const dynamic = 'force-dynamic';

/** Replaces the set of lists a tab's live stream watches. */
export async function POST(req: Request): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer)
    return problemResponse({
      code: 'unauthenticated',
      status: 401,
      message: msg('error.sessionExpired'),
    });
  const read = await readOwnJson(req);
  if (!read.ok) return read.response;
  const parsed = subscriptionsRequestSchema.safeParse(read.body);
  if (!parsed.success)
    return problemResponse({ code: 'invalid', status: 400, message: msg('error.badRequest') });
  const stream = findStream(parsed.data.streamId, viewer.identity);
  const home = stream ? undefined : streamHome(parsed.data.streamId);
  if (home && !req.headers.get(FORWARDED_HEADER)) return forward(home, req, read.body);
  if (!stream)
    return problemResponse({ code: 'notFound', status: 404, message: msg('error.streamGone') });
  // This request carries the session (its ID token refreshed by proxy.ts if due): the stream
  // watches with it from now on.
  stream.renew(viewer.identity);
  stream.setSubscriptions(parsed.data.subscriptions);
  return new Response(null, { status: 204 });
}

/** The stream is on another replica: hand the change over as the person (their own cookie). */
async function forward(home: string, req: Request, body: unknown): Promise<Response> {
  try {
    const res = await fetch(`${home}/api/live/subscriptions`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Cookie: req.headers.get('cookie') ?? '',
        Origin: req.headers.get('origin') ?? new URL(req.url).origin,
        [FORWARDED_HEADER]: '1',
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5_000),
    });
    metrics().liveForwarded.inc({ outcome: String(res.status) });
    return new Response(res.status === 204 ? null : await res.text(), {
      status: res.status,
      headers: { 'Content-Type': res.headers.get('content-type') ?? 'application/json' },
    });
  } catch {
    metrics().liveForwarded.inc({ outcome: 'unreachable' });
    // The other replica is gone: so is the stream; the tab reconnects.
    return problemResponse({ code: 'notFound', status: 404, message: msg('error.streamGone') });
  }
}
