'use client';

import { useEffect, useEffectEvent, useRef, useState } from 'react';

import { consoleEnd, reconnectDelayMs, type ConsoleEnd } from '@/lib/consoles/end';
import type { ConsoleKind } from '@/lib/consoles/ticket.mjs';

import { openConsole } from './connect';

export type ConsoleState =
  | { phase: 'connecting' }
  | { phase: 'connected' }
  /**
   * `end` from the socket's close; `text` when no socket could be had (the server's sentence);
   * `retryInMs` when the page reconnects by itself.
   */
  | { phase: 'ended'; end?: ConsoleEnd; text?: string; retryInMs?: number };

/**
 * One console connection per attempt: `load` brings the viewer library, `attach` wires it to the
 * socket (calling `connected` once the console is usable) and returns its cleanup. A console whose
 * way in went away (API server restart, dashboard replica gone) reconnects with back-off.
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
  // Automatic reconnects since the console last worked.
  const tried = useRef(0);
  const load = useEffectEvent(opts.load);
  const attach = useEffectEvent(opts.attach);
  const ended = useEffectEvent((end: ConsoleEnd | undefined, text?: string) => {
    // No sentence from the server: the dashboard itself could not be reached.
    const retry = end ? end.retry : text === undefined;
    const retryInMs = retry ? reconnectDelayMs(tried.current) : undefined;
    setState({ phase: 'ended', end, text, retryInMs });
  });

  useEffect(() => {
    let cancelled = false;
    let detach = () => {};
    let socket: WebSocket | undefined;
    void openConsole({ namespace, name, kind, takeOver: attempt.takeOver }, load).then((o) => {
      if (!o.ok) {
        if (!cancelled) ended(undefined, o.text);
        return;
      }
      socket = o.ws;
      if (cancelled) return socket.close();
      socket.addEventListener('close', (e) => {
        if (!cancelled) ended(consoleEnd(e.code, e.reason));
      });
      detach = attach(socket, o.lib, () => {
        if (cancelled) return;
        tried.current = 0;
        setState({ phase: 'connected' });
      });
    });
    return () => {
      cancelled = true;
      detach();
      socket?.close();
    };
  }, [namespace, name, kind, attempt]);

  const retryInMs = state.phase === 'ended' ? state.retryInMs : undefined;
  useEffect(() => {
    if (retryInMs === undefined) return;
    const timer = setTimeout(() => {
      tried.current += 1;
      setState({ phase: 'connecting' });
      setAttempt((a) => ({ n: a.n + 1, takeOver: false }));
    }, retryInMs);
    return () => clearTimeout(timer);
  }, [retryInMs]);

  const reconnect = (takeOver = false) => {
    tried.current = 0;
    setState({ phase: 'connecting' });
    setAttempt((a) => ({ n: a.n + 1, takeOver }));
  };
  return { state, reconnect };
}
