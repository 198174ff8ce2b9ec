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
  revoked: Map<string, number>;
  ready: Promise<void> | undefined;
  listeners: Set<(sid: string) => void>;
}

function state(): State {
  const g = globalThis as typeof globalThis & { __stratusRevocations?: State };
  g.__stratusRevocations ??= { revoked: new Map(), ready: undefined, listeners: new Set() };
  return g.__stratusRevocations;
}

function absorb(data: Record<string, string> | undefined): void {
  const s = state();
  for (const [sid, until] of Object.entries(data ?? {})) {
    if (!s.revoked.has(sid)) for (const l of s.listeners) l(sid);
    s.revoked.set(sid, Number(until));
  }
}

async function follow(): Promise<void> {
  const kube = kubeAsDashboard();
  const sel = {
    namespace: REVOCATIONS.namespace,
    fieldSelector: `metadata.name=${REVOCATIONS.name}`,
  };
  // get + watch of the one object: all RBAC grants the dashboard on it.
  const cm = await kube.get(models.configmaps, REVOCATIONS.namespace, REVOCATIONS.name);
  absorb(cm.data);
  let rv = cm.metadata?.resourceVersion ?? '';
  const watch = async (): Promise<void> => {
    await kube.watch(
      models.configmaps,
      { ...sel, resourceVersion: rv },
      (ev) => {
        rv = ev.object.metadata?.resourceVersion ?? rv;
        if (ev.type === 'ADDED' || ev.type === 'MODIFIED') absorb(stringMap(ev.object.data));
      },
      (err) => {
        if (err && !(err instanceof KubeApiError && err.status === 410))
          logError('revocations watch ended', err);
        if (err instanceof KubeApiError && err.status === 410) rv = '';
        setTimeout(() => void (rv ? watch() : restart()), err ? 1000 : 0);
      },
    );
  };
  const restart = () => {
    state().ready = undefined;
    return ensure().catch((e: unknown) => logError('revocations relist failed', e));
  };
  await watch();
}

function ensure(): Promise<void> {
  const s = state();
  s.ready ??= follow().catch((e: unknown) => {
    s.ready = undefined;
    throw e;
  });
  return s.ready;
}

/** Whether this session was signed out (anywhere, on any replica). */
export async function isRevoked(sid: string): Promise<boolean> {
  await ensure();
  return state().revoked.has(sid);
}

/** Signs a session out everywhere: its cookie stops working on every replica at once. */
export async function revoke(sid: string, until: number): Promise<void> {
  const now = Date.now();
  const expired = [...state().revoked].filter(([, t]) => t < now).map(([k]) => k);
  // A merge patch adds this session and drops the expired ones without touching the others.
  const data: Record<string, string | null> = { [sid]: String(until) };
  for (const k of expired) data[k] = null;
  await kubeAsDashboard()
    .patch(models.configmaps, REVOCATIONS.namespace, REVOCATIONS.name, { data })
    .catch((e: unknown) => {
      logError('revoking a session failed', e);
      throw e;
    });
  absorb({ [sid]: String(until) });
}

/** Called with each newly revoked session id (live streams close on it). */
export function onRevoked(listener: (sid: string) => void): () => void {
  state().listeners.add(listener);
  return () => state().listeners.delete(listener);
}

function stringMap(v: unknown): Record<string, string> {
  if (!v || typeof v !== 'object') return {};
  return Object.fromEntries(
    Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}
