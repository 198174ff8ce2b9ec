'use client';

import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';

import type { UserError } from '../k8s/errors';
import { queryKeys } from '../query/keys';
import { applyEvents } from './apply-events';
import { foldPage } from './sync-pages';
import {
  subscriptionKey,
  type ListData,
  type LiveSubscription,
  type StreamMessage,
  type Subscription,
} from './protocol';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'signedOut';

interface LiveContext {
  status: LiveStatus;
  subscribe(s: Subscription): () => void;
  errorOf(s: Subscription): UserError | undefined;
}

const Ctx = createContext<LiveContext | null>(null);

/**
 * Holds the tab's single live connection. Lists register while mounted; the provider tells the server
 * the current set, and folds the streamed syncs and event batches into the query cache.
 */
export function LiveProvider({ children }: { children: React.ReactNode }) {
  const qc = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [errors, setErrors] = useState<Record<string, UserError>>({});
  const subs = useRef(new Map<string, { sub: Subscription; count: number }>());
  const streamId = useRef<string | undefined>(undefined);
  const pushTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** Relists being gathered before they replace a whole list (see sync-pages.ts). */
  const gathering = useRef(new Map<string, ListData>());

  const push = useCallback(() => {
    clearTimeout(pushTimer.current);
    // Coalesce the registrations of one render into one request.
    pushTimer.current = setTimeout(() => {
      const id = streamId.current;
      if (!id) return;
      // Each list travels with the version the cache holds, so the server watches from there
      // instead of listing what the page already has.
      const subscriptions = [...subs.current.values()].map(({ sub }): LiveSubscription => {
        const cached = qc.getQueryData<ListData>(queryKeys.list(sub));
        // A first page only: let the stream list it all instead of watching from there.
        const rv = cached?.partial ? undefined : cached?.resourceVersion;
        return rv ? { ...sub, resourceVersion: rv } : sub;
      });
      void fetch('/api/live/subscriptions', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ streamId: id, subscriptions }),
      }).then((r) => {
        if (r.status === 401) setStatus('signedOut');
      });
    }, 10);
  }, [qc]);

  useEffect(() => {
    let es: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let disposed = false;
    const queryKeyFor = (key: string) => {
      const e = subs.current.get(key);
      return e ? queryKeys.list(e.sub) : undefined;
    };

    const connect = () => {
      es = new EventSource('/api/live');
      gathering.current.clear(); // a new stream starts its lists again
      es.onmessage = (m: MessageEvent<string>) => {
        const msg = JSON.parse(m.data) as StreamMessage;
        switch (msg.type) {
          case 'hello':
            streamId.current = msg.streamId;
            attempt = 0;
            setStatus('live');
            push();
            break;
          case 'sync':
          case 'page': {
            const k = queryKeyFor(msg.key);
            if (k) {
              const shown = qc.getQueryData<ListData>(k);
              const next = foldPage({ shown, gathering: gathering.current.get(msg.key) }, msg);
              if (next.gathering) gathering.current.set(msg.key, next.gathering);
              else gathering.current.delete(msg.key);
              if (next.shown && next.shown !== shown) qc.setQueryData<ListData>(k, next.shown);
            }
            if (msg.type === 'sync')
              setErrors((e) =>
                msg.key in e
                  ? Object.fromEntries(Object.entries(e).filter(([x]) => x !== msg.key))
                  : e,
              );
            break;
          }
          case 'events': {
            const byKey = new Map<string, typeof msg.events>();
            for (const ev of msg.events) byKey.set(ev.key, [...(byKey.get(ev.key) ?? []), ev]);
            for (const [key, evs] of byKey) {
              const k = queryKeyFor(key);
              if (k) qc.setQueryData<ListData>(k, (old) => applyEvents(old, evs));
            }
            // Events for a list mean it is live again: an old refusal no longer holds.
            setErrors((e) =>
              [...byKey.keys()].some((k) => k in e)
                ? Object.fromEntries(Object.entries(e).filter(([x]) => !byKey.has(x)))
                : e,
            );
            break;
          }
          case 'error':
            setErrors((e) => ({ ...e, [msg.key]: msg.error }));
            if (msg.error.code === 'unauthenticated') setStatus('signedOut');
            break;
          case 'signedOut':
            setStatus('signedOut');
            break;
          case 'renew':
            push();
            break;
        }
      };
      es.onerror = () => {
        es?.close();
        streamId.current = undefined;
        if (disposed) return;
        // A 401 on reconnect means the session ended; ask the session endpoint rather than guessing.
        void fetch('/api/auth/session', { cache: 'no-store' })
          .then((r) => r.json() as Promise<{ sub?: string; error?: string } | null>)
          .then((s) => {
            if (disposed) return;
            if (!s || !s.sub || s.error) {
              setStatus('signedOut');
              return;
            }
            setStatus('reconnecting');
            const delay = Math.min(30_000, 500 * 2 ** attempt++) * (0.75 + Math.random() / 2);
            retry = setTimeout(connect, delay);
          })
          .catch(() => {
            setStatus('reconnecting');
            retry = setTimeout(connect, Math.min(30_000, 500 * 2 ** attempt++));
          });
      };
    };
    connect();
    return () => {
      disposed = true;
      clearTimeout(retry);
      es?.close();
    };
  }, [qc, push]);

  const subscribe = useCallback(
    (sub: Subscription) => {
      const key = subscriptionKey(sub);
      const entry = subs.current.get(key);
      if (entry) entry.count++;
      else {
        subs.current.set(key, { sub, count: 1 });
        push();
      }
      return () => {
        const e = subs.current.get(key);
        if (!e) return;
        if (--e.count === 0) {
          subs.current.delete(key);
          gathering.current.delete(key);
          push();
        }
      };
    },
    [push],
  );

  const value = useMemo<LiveContext>(
    () => ({ status, subscribe, errorOf: (s) => errors[subscriptionKey(s)] }),
    [status, subscribe, errors],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useLive(): LiveContext {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useLive outside LiveProvider');
  return ctx;
}
