import 'server-only';

import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';

import { serverEnv } from '../env';
import { logError } from '../log';

// The person's OIDC tokens, kept in the encrypted session cookie: the ID token is their credential
// at kube-apiserver (token passthrough), the refresh token renews it. Refreshing happens only where
// the cookie can be written again (proxy.ts for every page, action and route request).

/** The issuer's CA (STRATUS_OIDC_CA_FILE), for every call the app makes to it. */
let ca: Buffer | undefined | null;
export function issuerCa(): Buffer | undefined {
  if (ca === undefined) {
    const file = serverEnv().STRATUS_OIDC_CA_FILE;
    ca = file ? readFileSync(file) : null;
  }
  return ca ?? undefined;
}

export interface OidcResponse {
  status: number;
  body: Record<string, unknown>;
}

/** A small JSON request to the issuer, trusting its CA. */
export function issuerRequest(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<OidcResponse> {
  const u = new URL(url);
  const lib = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      u,
      {
        method: init.method ?? 'GET',
        headers: { Accept: 'application/json', ...init.headers },
        timeout: 10_000,
        ...(u.protocol === 'https:' ? { ca: issuerCa() } : {}),
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            body = {};
          }
          resolve({
            status: res.statusCode ?? 0,
            body: body && typeof body === 'object' ? (body as Record<string, unknown>) : {},
          });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('issuer timed out')));
    req.on('error', reject);
    req.end(init.body);
  });
}

interface Discovery {
  token_endpoint?: string;
  end_session_endpoint?: string;
}

let discovery: Promise<Discovery> | undefined;
export function oidcDiscovery(): Promise<Discovery> {
  discovery ??= issuerRequest(`${serverEnv().STRATUS_OIDC_ISSUER}/.well-known/openid-configuration`)
    .then((r) => {
      if (r.status !== 200) throw new Error(`issuer discovery answered ${r.status}`);
      return r.body as Discovery;
    })
    .catch((e: unknown) => {
      discovery = undefined;
      throw e;
    });
  return discovery;
}

/** The `exp` of a JWT in ms since epoch (the signature is kube-apiserver's to check). */
export function jwtExpiry(jwt: string): number | undefined {
  const payload = jwt.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      exp?: unknown;
    };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** The claims of a JWT the app itself just received from the issuer over TLS. */
export function jwtClaims(jwt: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString());
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Refresh this long before the ID token expires: a third of its lifetime, at most a minute. */
export function refreshDue(
  t: { idTokenExpiresAt?: number; idTokenIssuedAt?: number },
  now = Date.now(),
): boolean {
  if (t.idTokenExpiresAt === undefined) return false;
  const lifetime = t.idTokenExpiresAt - (t.idTokenIssuedAt ?? t.idTokenExpiresAt - 180_000);
  const margin = Math.min(60_000, Math.max(lifetime, 0) / 3);
  return t.idTokenExpiresAt - margin <= now;
}

export type Refreshed =
  | { ok: true; idToken: string; refreshToken: string; expiresAt: number; issuedAt: number }
  /** `final`: the issuer refused the refresh token (signed out, expired): the session is over. */
  | { ok: false; final: boolean };

// Requests of one tab arrive together when the token is due: one refresh per refresh token serves
// them all, and its result is kept briefly for requests still carrying the old cookie (issuers
// that rotate refresh tokens would refuse the second use).
const inflight = new Map<string, { at: number; result: Promise<Refreshed> }>();
const REUSE_MS = 30_000;

export function refreshTokens(refreshToken: string): Promise<Refreshed> {
  const now = Date.now();
  for (const [k, v] of inflight) if (v.at + REUSE_MS <= now) inflight.delete(k);
  const hit = inflight.get(refreshToken);
  if (hit) return hit.result;
  const result = doRefresh(refreshToken);
  inflight.set(refreshToken, { at: now, result });
  result.then(
    (r) => {
      if (!r.ok && !r.final) inflight.delete(refreshToken);
    },
    () => inflight.delete(refreshToken),
  );
  return result;
}

async function doRefresh(refreshToken: string): Promise<Refreshed> {
  const env = serverEnv();
  try {
    const { token_endpoint } = await oidcDiscovery();
    if (!token_endpoint) throw new Error('the issuer has no token endpoint');
    const basic = Buffer.from(
      `${encodeURIComponent(env.STRATUS_OIDC_CLIENT_ID)}:${encodeURIComponent(env.STRATUS_OIDC_CLIENT_SECRET)}`,
    ).toString('base64');
    const res = await issuerRequest(token_endpoint, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${basic}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
      }).toString(),
    });
    const idToken = res.body.id_token;
    if (res.status === 200 && typeof idToken === 'string') {
      const expiresAt = jwtExpiry(idToken);
      if (expiresAt === undefined) throw new Error('the refreshed ID token has no exp');
      const rotated = res.body.refresh_token;
      return {
        ok: true,
        idToken,
        refreshToken: typeof rotated === 'string' ? rotated : refreshToken,
        expiresAt,
        issuedAt: Date.now(),
      };
    }
    // 400/401 with an OAuth error: the grant is gone. Anything else may pass.
    const final = res.status === 400 || res.status === 401;
    logError('token refresh refused', new Error(String(res.body.error ?? res.status)), {
      code: final ? 'unauthenticated' : undefined,
      status: res.status,
    });
    return { ok: false, final };
  } catch (e) {
    logError('token refresh failed', e);
    return { ok: false, final: false };
  }
}
