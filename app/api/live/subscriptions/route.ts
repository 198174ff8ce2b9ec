import { getViewer } from '@/lib/auth/session';
import { problemResponse, readOwnJson } from '@/lib/http';
import { msg } from '@/lib/i18n/messages';
import { findStream } from '@/lib/live/hub';
import { subscriptionsRequestSchema } from '@/lib/live/protocol';

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
  if (!stream)
    return problemResponse({ code: 'notFound', status: 404, message: msg('error.streamGone') });
  // This request carries the session (its ID token refreshed by proxy.ts if due): the stream
  // watches with it from now on.
  stream.renew(viewer.identity);
  stream.setSubscriptions(parsed.data.subscriptions);
  return new Response(null, { status: 204 });
}
