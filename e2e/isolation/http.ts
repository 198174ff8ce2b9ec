// The isolation and fuzzing suites speak to the app as each persona over plain HTTP: a session
// cookie (saved by the setup project, or minted expired), server actions posted with their
// Next-Action id from the build's manifest, route handlers as the browser calls them.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { UserError } from '../../lib/k8s/errors';
import { appOrigin, authFile, type DemoName } from '../auth';
import { mintSession } from '../session-token';
import type { Persona } from './expected';

const COOKIE = 'next-auth.session-token';

function savedCookie(who: DemoName): string {
  const state = JSON.parse(readFileSync(authFile(who), 'utf8')) as {
    cookies: { name: string; value: string }[];
  };
  const c = state.cookies.find((x) => x.name === COOKIE);
  if (!c) throw new Error(`no saved session for ${who}; run the setup project`);
  return `${COOKIE}=${c.value}`;
}

/** The Cookie header each persona sends ('' signed out). */
export async function personaCookies(): Promise<Record<Persona, string>> {
  return {
    alice: savedCookie('alice'),
    carol: savedCookie('carol'),
    bob: savedCookie('bob'),
    oscar: savedCookie('oscar'),
    signedOut: '',
    // alice's own sign-in, past its maximum age.
    expired: `${COOKIE}=${await mintSession('alice', -60)}`,
  };
}

interface ManifestEntry {
  workers: Record<string, unknown>;
  exportedName?: string;
  filename?: string;
}

/** Server actions the build exposes: exported name → id and a page that serves it. */
export function builtActions(): Map<string, { id: string; page: string }> {
  const dist = process.env.STRATUS_DIST_DIR ?? '.next-test';
  const file = path.join(dist, 'server', 'server-reference-manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
    node: Record<string, ManifestEntry>;
  };
  const out = new Map<string, { id: string; page: string }>();
  for (const [id, e] of Object.entries(manifest.node)) {
    const worker = Object.keys(e.workers)[0];
    if (!e.exportedName || !worker) continue;
    out.set(e.exportedName, { id, page: pageOf(worker) });
  }
  return out;
}

/** "app/(app)/t/[tenant]/volumes/[name]/page" → "/t/acme/volumes/x". */
function pageOf(worker: string): string {
  const p = worker
    .replace(/^app/, '')
    .replace(/\/\([^)]+\)/g, '')
    .replace(/\/page$/, '')
    .replace('[tenant]', 'acme')
    .replace('[resource]', 'services')
    .replace(/\[[^\]]+\]/g, 'x');
  return p || '/';
}

export interface ActionAnswer {
  status: number;
  result: { ok: true; data: unknown } | { ok: false; error: UserError } | undefined;
  text: string;
}

/** Posts one server action as the browser does (React's encodeReply of one plain argument). */
export async function callAction(
  action: { id: string; page: string },
  input: unknown,
  cookie: string,
  headers: Record<string, string> = {},
): Promise<ActionAnswer> {
  const res = await fetch(`${appOrigin}${action.page}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Next-Action': action.id,
      'Content-Type': 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
      Origin: appOrigin,
      ...(cookie ? { Cookie: cookie } : {}),
      ...headers,
    },
    body: JSON.stringify([input]),
  });
  const text = await res.text();
  return { status: res.status, result: resultIn(text), text };
}

/** The action's return value among the RSC payload's rows ("1:{…}"). */
function resultIn(text: string): ActionAnswer['result'] {
  for (const line of text.split('\n')) {
    const m = /^[0-9a-f]+:(\{.*\})$/.exec(line);
    if (!m?.[1]) continue;
    try {
      const v = JSON.parse(m[1]) as { ok?: unknown };
      if (typeof v.ok === 'boolean') return v as ActionAnswer['result'];
    } catch {
      // Not JSON: another kind of row.
    }
  }
  return undefined;
}

/** A route as its page calls it; the body is read (or, for a stream, cancelled after the head). */
export async function callRoute(
  r: { method: string; url: string; body?: unknown },
  cookie: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  const ac = new AbortController();
  const res = await fetch(`${appOrigin}${r.url}`, {
    method: r.method,
    redirect: 'manual',
    signal: ac.signal,
    headers: {
      Origin: appOrigin,
      ...(r.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(cookie ? { Cookie: cookie } : {}),
      ...headers,
    },
    ...(r.body !== undefined
      ? { body: typeof r.body === 'string' ? r.body : JSON.stringify(r.body) }
      : {}),
  });
  if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
    ac.abort();
    return { status: res.status, text: '' };
  }
  return { status: res.status, text: await res.text() };
}
