import 'server-only';

import { decode, encode, type JWT } from 'next-auth/jwt';

import { serverEnv } from '../env';
import { groupsFrom } from './identity';
import { sessionExpiry } from './options';
import { jwtClaims, refreshDue, refreshTokens } from './tokens';

// next-auth splits a cookie past this size into name.0, name.1, … (core/lib/cookie.ts).
const CHUNK = 4096 - 163;

export interface SessionCookie {
  name: string;
  value: string;
  /** 0 clears it. */
  maxAge: number;
}

export function sessionCookieName(): string {
  return process.env.NEXTAUTH_URL?.startsWith('https://')
    ? '__Secure-next-auth.session-token'
    : 'next-auth.session-token';
}

export interface CookieSource {
  getAll(): { name: string; value: string }[];
}

/** The session's JWT from its cookie (or its chunks), or null. */
export async function readSessionJwt(cookies: CookieSource): Promise<JWT | null> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return null;
  const name = sessionCookieName();
  const all = cookies.getAll();
  const whole = all.find((c) => c.name === name)?.value;
  const chunks = all
    .map((c) => ({ i: Number(c.name.slice(name.length + 1)), c }))
    .filter(({ i, c }) => c.name.startsWith(`${name}.`) && Number.isInteger(i))
    .sort((a, b) => a.i - b.i)
    .map(({ c }) => c.value)
    .join('');
  const value = whole ?? chunks;
  if (!value) return null;
  try {
    return await decode({ token: value, secret });
  } catch {
    return null;
  }
}

/** The session's next token, after refreshing its ID token if that is due; undefined: unchanged. */
export async function refreshedToken(token: JWT, now = Date.now()): Promise<JWT | undefined> {
  const env = serverEnv();
  if (!token.refreshToken || token.refreshFailed) return undefined;
  if (sessionExpiry(token, env.STRATUS_SESSION_MAX_AGE) <= now) return undefined;
  if (!refreshDue(token, now)) return undefined;
  const r = await refreshTokens(token.refreshToken);
  if (r.ok) {
    return {
      ...token,
      idToken: r.idToken,
      idTokenExpiresAt: r.expiresAt,
      idTokenIssuedAt: r.issuedAt,
      refreshToken: r.refreshToken,
      // Group changes at the identity provider reach the session with each refresh.
      groups: groupsFrom(jwtClaims(r.idToken), env.STRATUS_OIDC_GROUPS_CLAIM),
    };
  }
  // The issuer said no for good: the session ends ("Sign in again"). A passing failure keeps the
  // token; the next request tries again while the ID token still holds.
  return r.final ? { ...token, refreshFailed: true } : undefined;
}

/**
 * For a request carrying a session whose ID token is due: the cookies that replace it (the session
 * chunks, old ones cleared). Undefined when nothing changes.
 */
export async function refreshSessionCookies(req: {
  cookies: CookieSource;
}): Promise<SessionCookie[] | undefined> {
  const env = serverEnv();
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return undefined;
  const name = sessionCookieName();
  const token = await readSessionJwt(req.cookies);
  if (!token) return undefined;
  const next = await refreshedToken(token);
  if (!next) return undefined;
  const maxAge = Math.max(
    1,
    Math.floor((sessionExpiry(next, env.STRATUS_SESSION_MAX_AGE) - Date.now()) / 1000),
  );
  const value = await encode({ token: next, secret, maxAge });
  const out: SessionCookie[] =
    value.length <= CHUNK
      ? [{ name, value, maxAge }]
      : Array.from({ length: Math.ceil(value.length / CHUNK) }, (_, i) => ({
          name: `${name}.${i}`,
          value: value.slice(i * CHUNK, (i + 1) * CHUNK),
          maxAge,
        }));
  const written = new Set(out.map((c) => c.name));
  for (const c of req.cookies.getAll())
    if ((c.name === name || c.name.startsWith(`${name}.`)) && !written.has(c.name))
      out.push({ name: c.name, value: '', maxAge: 0 });
  return out;
}
