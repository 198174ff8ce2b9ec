import 'server-only';

import type { NextAuthOptions } from 'next-auth';
import type { JWT } from 'next-auth/jwt';

import { serverEnv } from '../env';
import { groupsFrom } from './identity';

interface Discovery {
  token_endpoint: string;
  end_session_endpoint?: string;
}

let discovery: Promise<Discovery> | undefined;
export function oidcDiscovery(): Promise<Discovery> {
  discovery ??= fetch(`${serverEnv().STRATUS_OIDC_ISSUER}/.well-known/openid-configuration`)
    .then((r) => r.json() as Promise<Discovery>)
    .catch((e: unknown) => {
      discovery = undefined;
      throw e;
    });
  return discovery;
}

/** Refreshes the IdP tokens; on failure the session is over and the person signs in again. */
async function refresh(token: JWT): Promise<JWT> {
  const env = serverEnv();
  if (!token.refreshToken) return { ...token, error: 'SessionExpired' };
  try {
    const { token_endpoint } = await oidcDiscovery();
    const res = await fetch(token_endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: `Basic ${Buffer.from(`${env.STRATUS_OIDC_CLIENT_ID}:${env.STRATUS_OIDC_CLIENT_SECRET}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: token.refreshToken }),
    });
    if (!res.ok) return { ...token, error: 'SessionExpired' };
    const t = (await res.json()) as {
      expires_in?: number;
      refresh_token?: string;
      id_token?: string;
    };
    return {
      ...token,
      expiresAt: Math.floor(Date.now() / 1000) + (t.expires_in ?? 300),
      refreshToken: t.refresh_token ?? token.refreshToken,
      idToken: t.id_token ?? token.idToken,
      error: undefined,
    };
  } catch {
    return { ...token, error: 'SessionExpired' };
  }
}

export function authOptions(): NextAuthOptions {
  const env = serverEnv();
  return {
    secret: process.env.NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
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
        authorization: { params: { scope: 'openid email profile groups offline_access' } },
        client: { token_endpoint_auth_method: 'client_secret_basic' },
        profile(p: Record<string, unknown>) {
          return {
            id: String(p.sub),
            name: typeof p.name === 'string' ? p.name : null,
            email: typeof p.email === 'string' ? p.email : null,
          };
        },
      },
    ],
    callbacks: {
      async jwt({ token, account, profile }) {
        if (account && profile) {
          const claims = profile as unknown as Record<string, unknown>;
          return {
            ...token,
            sub: String(claims.sub),
            groups: groupsFrom(claims, env.STRATUS_OIDC_GROUPS_CLAIM),
            expiresAt: account.expires_at ?? Math.floor(Date.now() / 1000) + 300,
            refreshToken: account.refresh_token,
            idToken: account.id_token,
          };
        }
        if (token.error || (token.expiresAt && Date.now() < token.expiresAt * 1000)) return token;
        return refresh(token);
      },
      async session({ session, token }) {
        return {
          ...session,
          groups: token.groups ?? [],
          sub: token.sub ?? '',
          expiresAt: token.expiresAt ?? 0,
          error: token.error,
        };
      },
    },
  };
}
