// A console socket: a ticket from the dashboard (as the signed-in person), then the WebSocket to
// the proxy in server.mjs, which dials the VM's console as that person.
import type { ConsoleKind } from '@/lib/consoles/ticket.mjs';

export interface ConsoleTarget {
  namespace: string;
  name: string;
  kind: ConsoleKind;
  takeOver: boolean;
}

export type Opened<M> = { ok: true; ws: WebSocket; lib: M } | { ok: false; text?: string };

function field(v: unknown, k: string): unknown {
  return v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
}

async function ticketFor(target: ConsoleTarget): Promise<{ ticket?: string; text?: string }> {
  try {
    const res = await fetch('/api/vms/console-ticket', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(target),
    });
    const body: unknown = await res.json().catch(() => undefined);
    const ticket = field(body, 'ticket');
    if (res.ok && typeof ticket === 'string') return { ticket };
    const text = field(field(body, 'error'), 'message');
    return { text: typeof text === 'string' ? text : undefined };
  } catch {
    return {};
  }
}

/**
 * Loads the viewer library and the ticket together, then opens the socket: the library must be
 * there before the socket, or the server's first bytes (the RFB greeting) would reach no listener.
 */
export async function openConsole<M>(
  target: ConsoleTarget,
  load: () => Promise<M>,
): Promise<Opened<M>> {
  const [lib, { ticket, text }] = await Promise.all([load(), ticketFor(target)]);
  if (!ticket) return { ok: false, text };
  const proto = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(
    `${proto}//${window.location.host}/api/vms/console?ticket=${encodeURIComponent(ticket)}`,
  );
  ws.binaryType = 'arraybuffer';
  return { ok: true, ws, lib };
}
