import { getViewer } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { openStream } from '@/lib/live/hub';
import type { StreamMessage } from '@/lib/live/protocol';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const HEARTBEAT_MS = 15_000;

/**
 * The tab's one live connection (server-sent events); subscriptions arrive by POST
 * /api/live/subscriptions. It ends with `signedOut` when the session does.
 */
export async function GET(req: Request): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return new Response('unauthenticated', { status: 401 });
  const t = await getT();
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
