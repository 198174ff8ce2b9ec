'use client';

import { createContext, useContext, useSyncExternalStore } from 'react';

import { age } from '@/lib/format';

const ServerNow = createContext<number | undefined>(undefined);

/** How often ages on screen move on. */
const TICK_MS = 10_000;

// One browser clock for every age on screen, ticking only while one is shown.
let clock = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    clock = Date.now();
    for (const l of listeners) l();
  }, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (!listeners.size) {
      clearInterval(timer);
      timer = undefined;
      clock = 0;
    }
  };
}

const browserNow = () => (clock ||= Date.now());

/**
 * Ages are written against the server's render time while the page hydrates, so the browser writes
 * the same "12s" the server did (a differing text makes React discard the page's HTML and render
 * it all again); then against the browser's clock.
 */
export function NowProvider({
  serverNow,
  children,
}: {
  serverNow: number;
  children: React.ReactNode;
}) {
  return <ServerNow.Provider value={serverNow}>{children}</ServerNow.Provider>;
}

export function useNow(): number {
  const serverNow = useContext(ServerNow);
  return useSyncExternalStore(subscribe, browserNow, () => serverNow ?? browserNow());
}

/** "5m", "3h", "2d" since a timestamp, kubectl-style. */
export function Age({ at }: { at: string | undefined }) {
  return <>{age(at, useNow())}</>;
}

/** The same age handed to a function, for a sentence that includes it. */
export function WithAge({
  at,
  children,
}: {
  at: string | undefined;
  children: (age: string) => React.ReactNode;
}) {
  return <>{children(age(at, useNow()))}</>;
}
