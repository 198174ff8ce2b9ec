import 'server-only';

import type { NextAuthOptions } from 'next-auth';

import { serverEnv } from '../env';
import { metrics } from '../serving/metrics.mjs';
import { randomUUID } from 'node:crypto';

import { groupsFrom, verifiedEmail } from './identity';
import { safeRedirect } from './redirect';
import { isRevoked, revoke } from './revocations';
import { issuerCa, jwtExpiry } from './tokens';

export { oidcDiscovery } from './tokens';

/** A sign-in lasts maxAge from signing in (tokens from before `signedInAt` existed: from issue). */
export function sessionExpiry(
  token: { signedInAt?: number; iat?: unknown },
  maxAge: number,
): number {
  const start = token.signedInAt ?? (typeof token.iat === 'number' ? token.iat : 0);
  return (start + maxAge) * 1000;
}

export function authOptions(): NextAuthOptions {
  const env = serverEnv();
  return {
    secret: process.env.NEXTAUTH_SECRET,
    // A Stratus session lasts maxAge from sign-in, never longer. Within it the person's ID token
    // (their credential at kube-apiserver) is refreshed before it expires (proxy.ts), and with it
    // the groups the dashboard shows.
    session: { strategy: 'jwt', maxAge: env.STRATUS_SESSION_MAX_AGE },
    pages: { signIn: '/signin', error: '/signin' },
    providers: [
      {
        id: 'stratus',
        name: 'Stratus SSO',
        type: 'oauth',
        wellKnown: `${env.STRATUS_OIDC_ISSUER}/.well-known/openid-configuration`,
        clientId: env.STRATUS_OIDC_CLIENT_ID,
        clientSecret: env.STRATUS_OIDC_CLIENT_SECRET,
        idToken: true,
        checks: ['pkce', 'state'],
        authorization: { params: { scope: 'openid email profile groups' } },
        client: { token_endpoint_auth_method: 'client_secret_basic' },
        // A private issuer CA (the devcluster's) for discovery, keys and the token exchange.
        ...(issuerCa() ? { httpOptions: { timeout: 10_000, ca: issuerCa() } } : {}),
        profile(p: Record<string, unknown>) {
          return {
            id: String(p.sub),
            name: typeof p.name === 'string' ? p.name : null,
            // An unverified address could be anyone's: then the session is named by its subject.
            email: verifiedEmail(p),
          };
        },
      },
    ],
    callbacks: {
      // Only this dashboard's own pages; anything malformed goes home instead of failing.
      async redirect({ url, baseUrl }) {
        return safeRedirect(url, baseUrl);
      },
      async jwt({ token, account, profile }) {
        if (account && profile) {
          const claims: Record<string, unknown> = { ...profile };
          return {
            ...token,
            sub: String(claims.sub),
            groups: groupsFrom(claims, env.STRATUS_OIDC_GROUPS_CLAIM),
            signedInAt: Math.floor(Date.now() / 1000),
            // Stable for the whole sign-in (the cookie is re-encoded, its jti changes): what
            // sign-out revokes.
            sid: randomUUID(),
            // Encrypted in the cookie, never in the session the browser can read.
            idToken: account.id_token,
            idTokenExpiresAt: account.id_token ? jwtExpiry(account.id_token) : undefined,
            idTokenIssuedAt: Date.now(),
            refreshToken: account.refresh_token,
          };
        }
        return token;
      },
      async session({ session, token }) {
        const expiresAt = sessionExpiry(token, env.STRATUS_SESSION_MAX_AGE);
        const sid = token.sid ?? '';
        // Past its lifetime, or signed out anywhere, a session carries no identity, even if the
        // cookie is still readable.
        if (expiresAt <= Date.now() || !sid || token.refreshFailed || (await isRevoked(sid)))
          return { ...session, user: undefined, groups: [], sub: '', sid: '', expiresAt };
        return { ...session, groups: token.groups ?? [], sub: token.sub ?? '', sid, expiresAt };
      },
    },
    events: {
      signIn() {
        metrics().signIns.inc({ event: 'signIn' });
      },
      // Sign-out ends the session on every replica, not only in this browser.
      async signOut({ token }) {
        metrics().signIns.inc({ event: 'signOut' });
        if (token.sid) await revoke(token.sid, sessionExpiry(token, env.STRATUS_SESSION_MAX_AGE));
      },
    },
  };
}
