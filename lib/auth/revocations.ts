import 'server-only';

import { kubeAsDashboard } from '../k8s/client';
import { KubeApiError } from '../k8s/errors';
import { models } from '../k8s/models';
import { logError } from '../log';

/**
 * Signed-out sessions, shared by every replica: a ConfigMap in the dashboard's namespace, session
 * id → when the session would have ended. A ConfigMap because every replica already talks to the
 * API server (no other store to run), the dashboard may touch only this one object, and entries
 * drop out once their session would have expired anyway. Each replica keeps it in memory from a
 * watch, so checking a session costs nothing.
 */
export const REVOCATIONS = { namespace: 'stratus-system', name: 'stratus-session-revocations' };

interface State {
  /** What the ConfigMap says, as last seen. */
  stored: Map<string, number>;
  /** Revoked here but not (yet) stored: kept until the ConfigMap has them. */
  local: Map<string, number>;
  loaded: boolean;
  ready: Promise<void> | undefined;
  listeners: Set<(sid: string) => void>;
}

function state(): State {
  const g = globalThis as typeof globalThis & { __stratusRevocations?: State };
  g.__stratusRevocations ??= {
    stored: new Map(),
    local: new Map(),
    loaded: false,
    ready: undefined,
    listeners: new Set(),
  };
  return g.__stratusRevocations;
}

const known = (sid: string) => state().stored.has(sid) || state().local.has(sid);

/** The ConfigMap's data is the truth: replace what we hold, and tell who listens about new ids. */
function replace(data: Record<string, string>): void {
  const s = state();
  const now = Date.now();
  const next = new Map(
    Object.entries(data)
      .map(([sid, until]): [string, number] => [sid, Number(until)])
      .filter(([, until]) => until > now),
  );
  for (const sid of next.keys()) if (!known(sid)) for (const l of s.listeners) l(sid);
  s.stored = next;
  for (const [sid, until] of s.local) if (next.has(sid) || until <= now) s.local.delete(sid);
}

function stringMap(v: unknown): Record<string, string> {
  if (!v || typeof v !== 'object') return {};
  return Object.fromEntries(
    Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One loop per process (its promise is shared through globalThis): read the ConfigMap, watch it,
 * resume or relist as watches end, back off while the API server is away. Resolves once the
 * first read succeeded; if that fails, the next caller starts it again.
 */
function ensure(): Promise<void> {
  const s = state();
  s.ready ??= new Promise<void>((ready, failed) => {
    const kube = kubeAsDashboard();
    const sel = {
      namespace: REVOCATIONS.namespace,
      fieldSelector: `metadata.name=${REVOCATIONS.name}`,
    };
    void (async () => {
      let loadedOnce = false;
      let backoff = 1000;
      for (;;) {
        try {
          // get + watch of the one object: all RBAC grants the dashboard on it.
          const cm = await kube.get(models.configmaps, REVOCATIONS.namespace, REVOCATIONS.name);
          replace(stringMap(cm.data));
          s.loaded = true;
          if (!loadedOnce) ready();
          loadedOnce = true;
          let rv = cm.metadata?.resourceVersion ?? '';
          for (;;) {
            const started = Date.now();
            const ended = await new Promise<Error | undefined>((done) => {
              kube
                .watch(
                  models.configmaps,
                  { ...sel, resourceVersion: rv },
                  (ev) => {
                    rv = ev.object.metadata?.resourceVersion ?? rv;
                    backoff = 1000;
                    if (ev.type === 'ADDED' || ev.type === 'MODIFIED')
                      replace(stringMap(ev.object.data));
                  },
                  done,
                )
                .catch(done);
            });
            // A watch that ends at once must not turn into a busy loop against the API server.
            if (Date.now() - started < 1000) await sleep(1000);
            if (!ended) continue; // a healthy watch closed: resume from rv
            // The object's own version is older than the API server still remembers (it changes
            // rarely): a watch from no version starts with its current state as an ADDED event.
            if (ended instanceof KubeApiError && ended.status === 410) {
              rv = '';
              continue;
            }
            throw ended;
          }
        } catch (e) {
          if (!loadedOnce) {
            s.ready = undefined;
            failed(e);
            return;
          }
          logError('revocations watch ended', e);
          await sleep(backoff);
          backoff = Math.min(backoff * 2, 30_000);
        }
      }
    })();
  });
  return s.ready;
}

/**
 * Whether this session was signed out (on this replica or another). Once the store has been read,
 * the answer comes from memory even while the watch reconnects; a store that could not be read yet
 * (missing, no RBAC, outage at start) refuses every session rather than trusting revoked ones.
 */
export async function isRevoked(sid: string): Promise<boolean> {
  const s = state();
  if (!s.loaded) {
    try {
      await ensure();
    } catch (e) {
      logError('session revocations unavailable; refusing sessions', e);
      return true;
    }
  }
  return known(sid);
}

/** Signs a session out everywhere: its cookie stops working on every replica at once. */
export async function revoke(sid: string, until: number): Promise<void> {
  const s = state();
  // Here at once, whatever happens to the write.
  if (!known(sid)) for (const l of s.listeners) l(sid);
  s.local.set(sid, until);
  const now = Date.now();
  // A merge patch adds this session and drops expired ones without touching the others.
  const data: Record<string, string | null> = { [sid]: String(until) };
  for (const [k, t] of s.stored) if (t <= now) data[k] = null;
  for (let attempt = 1; ; attempt++) {
    try {
      await kubeAsDashboard().patch(models.configmaps, REVOCATIONS.namespace, REVOCATIONS.name, {
        data,
      });
      return;
    } catch (e) {
      if (attempt >= 3) {
        // Other replicas will still accept this cookie: say so loudly.
        logError('revoking a session failed; other replicas do not know', e, { sid });
        return;
      }
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

/** Called with each newly revoked session id (live streams close on it). */
export function onRevoked(listener: (sid: string) => void): () => void {
  state().listeners.add(listener);
  return () => state().listeners.delete(listener);
}
