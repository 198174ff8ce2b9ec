import { getViewer } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { isRevoked, onRevoked } from '@/lib/auth/revocations';
import { problemResponse } from '@/lib/http';
import { msg } from '@/lib/i18n/messages';
import { MAX_STREAMS_PER_PERSON, openStream, signOutSession, streamsOf } from '@/lib/live/hub';
import type { StreamMessage } from '@/lib/live/protocol';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const HEARTBEAT_MS = 15_000;

// A sign-out anywhere closes this replica's streams of that session, once wired.
function closeStreamsOnSignOut(): void {
  const g = globalThis as typeof globalThis & { __stratusSignOutWired?: boolean };
  if (g.__stratusSignOutWired) return;
  g.__stratusSignOutWired = true;
  onRevoked(signOutSession);
}

/**
 * The tab's one live connection (server-sent events); subscriptions arrive by POST
 * /api/live/subscriptions. It ends with `signedOut` when the session does.
 */
export async function GET(req: Request): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return new Response('unauthenticated', { status: 401 });
  if (streamsOf(viewer.identity.username) >= MAX_STREAMS_PER_PERSON)
    return problemResponse({
      code: 'tooManyRequests',
      status: 429,
      message: msg('error.tooManyTabs'),
    });
  closeStreamsOnSignOut();
  const t = await getT();
  const sid = viewer.sessionId;
  const enc = new TextEncoder();
  let cleanup = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const end = () => {
        cleanup();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      const write = (msg: StreamMessage) => {
        try {
          controller.enqueue(enc.encode(`data: ${JSON.stringify(msg)}\n\n`));
        } catch {
          cleanup();
        }
      };
      const stream = openStream(viewer.identity, write, {
        expiresAt: viewer.expiresAt,
        t,
        onClose: end,
        sessionId: sid,
        stillSignedIn: async () => !sid || !(await isRevoked(sid)),
      });
      const heartbeat = setInterval(() => {
        try {
          controller.enqueue(enc.encode(': keep-alive\n\n'));
        } catch {
          cleanup();
        }
      }, HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        stream.close();
      };
      req.signal.addEventListener('abort', end);
      if (!stream.closed) write({ type: 'hello', streamId: stream.id });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
}
