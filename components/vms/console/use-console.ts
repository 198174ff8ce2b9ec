'use client';

import { useEffect, useEffectEvent, useState } from 'react';

import { consoleEnd, type ConsoleEnd } from '@/lib/consoles/end';
import type { ConsoleKind } from '@/lib/consoles/ticket.mjs';

import { openConsole } from './connect';

export type ConsoleState =
  | { phase: 'connecting' }
  | { phase: 'connected' }
  /** `end` from the socket's close; `text` when no socket could be had (the server's sentence). */
  | { phase: 'ended'; end?: ConsoleEnd; text?: string };

/**
 * One console connection per attempt: `load` brings the viewer library, `attach` wires it to the
 * socket (calling `connected` once the console is usable) and returns its cleanup.
 */
export function useConsole<M>(opts: {
  namespace: string;
  name: string;
  kind: ConsoleKind;
  load: () => Promise<M>;
  attach: (ws: WebSocket, lib: M, connected: () => void) => () => void;
}) {
  const { namespace, name, kind } = opts;
  const [attempt, setAttempt] = useState({ n: 0, takeOver: false });
  const [state, setState] = useState<ConsoleState>({ phase: 'connecting' });
  const load = useEffectEvent(opts.load);
  const attach = useEffectEvent(opts.attach);

  useEffect(() => {
    let cancelled = false;
    let detach = () => {};
    let socket: WebSocket | undefined;
    void openConsole({ namespace, name, kind, takeOver: attempt.takeOver }, load).then((o) => {
      if (!o.ok) {
        if (!cancelled) setState({ phase: 'ended', text: o.text });
        return;
      }
      socket = o.ws;
      if (cancelled) return socket.close();
      socket.addEventListener('close', (e) => {
        if (!cancelled) setState({ phase: 'ended', end: consoleEnd(e.code, e.reason) });
      });
      detach = attach(socket, o.lib, () => {
        if (!cancelled) setState({ phase: 'connected' });
      });
    });
    return () => {
      cancelled = true;
      detach();
      socket?.close();
    };
  }, [namespace, name, kind, attempt]);

  const reconnect = (takeOver = false) => {
    setState({ phase: 'connecting' });
    setAttempt((a) => ({ n: a.n + 1, takeOver }));
  };
  return { state, reconnect };
}
