// ID tokens for integration tests' people, signed with the development issuer's own key (its state
// dir, as the admin kubeconfig is in the data dir): kube-apiserver authenticates them exactly as it
// authenticates a signed-in person's (token passthrough), without a browser sign-in per test.
import { createPrivateKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { oidcClient } from '../../devcluster/src/demo-users.ts';
import { testClusterDir } from './admin';

interface Jwk {
  kid?: string;
  [k: string]: unknown;
}

let key: { kid: string; pem: ReturnType<typeof createPrivateKey> } | undefined;

function signingKey() {
  if (!key) {
    const jwks = JSON.parse(
      readFileSync(path.join(testClusterDir(), 'oidc', 'jwks.json'), 'utf8'),
    ) as { keys: Jwk[] };
    const jwk = jwks.keys[0];
    if (!jwk?.kid) throw new Error('the test issuer has no signing key');
    key = { kid: jwk.kid, pem: createPrivateKey({ key: jwk, format: 'jwk' }) };
  }
  return key;
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

export interface TokenClaims {
  email: string;
  groups: string[];
  emailVerified?: boolean;
  /** Seconds from now; default an hour. */
  ttl?: number;
}

/** An ID token as the test issuer would issue it (iss, aud = the dashboard's client id). */
export function idTokenFor(c: TokenClaims): { token: string; expiresAt: number } {
  const issuer = process.env.STRATUS_OIDC_ISSUER;
  if (!issuer) throw new Error('STRATUS_OIDC_ISSUER missing (the test app.env)');
  const { kid, pem } = signingKey();
  const now = Math.floor(Date.now() / 1000);
  const exp = now + (c.ttl ?? 3600);
  const body = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64({
    iss: issuer,
    aud: oidcClient.id,
    sub: c.email,
    email: c.email,
    email_verified: c.emailVerified ?? true,
    groups: c.groups,
    iat: now,
    exp,
  })}`;
  const sig = sign('sha256', Buffer.from(body), pem).toString('base64url');
  return { token: `${body}.${sig}`, expiresAt: exp * 1000 };
}
