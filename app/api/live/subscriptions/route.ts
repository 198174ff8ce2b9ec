import { getViewer } from '@/lib/auth/session';
import { findStream } from '@/lib/live/hub';
import { subscriptionsRequestSchema } from '@/lib/live/protocol';

export const dynamic = 'force-dynamic';

/** Replaces the set of lists a tab's live stream watches. */
export async function POST(req: Request): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return Response.json({ error: { code: 'unauthenticated' } }, { status: 401 });
  const parsed = subscriptionsRequestSchema.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: { code: 'invalid' } }, { status: 400 });
  const stream = findStream(parsed.data.streamId, viewer.identity);
  if (!stream) return Response.json({ error: { code: 'notFound' } }, { status: 404 });
  stream.setSubscriptions(parsed.data.subscriptions);
  return new Response(null, { status: 204 });
}
