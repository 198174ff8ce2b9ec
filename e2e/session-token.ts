// A session cookie minted like next-auth's own, for sessions that must end during a test. It keeps
// the OIDC tokens of the person's real sign-in (auth.setup.ts): in token passthrough the ID token
// is their credential at kube-apiserver, and the refresh token renews it.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { BrowserContext } from '@playwright/test';
import { decode, encode, type JWT } from 'next-auth/jwt';

import { testClusterDir } from '../lib/testing/admin';
import { appOrigin, authFile, type DemoName } from './auth';

export function appEnv(key: string): string | undefined {
  const text = readFileSync(path.join(testClusterDir(), 'app.env'), 'utf8');
  return text
    .split('\n')
    .find((l) => l.startsWith(`${key}=`))
    ?.slice(key.length + 1);
}

/** Signs `who` in with a session that ends `secondsLeft` from now (its sign-in was long ago). */
export async function sessionEndingIn(
  context: BrowserContext,
  who: DemoName,
  secondsLeft: number,
  overrides: Partial<JWT> = {},
): Promise<void> {
  const value = await mintSession(who, secondsLeft, overrides);
  await context.addCookies([
    { name: 'next-auth.session-token', value, url: appOrigin, httpOnly: true, sameSite: 'Lax' },
  ]);
}

/** The session cookie's value for such a session. */
export async function mintSession(
  who: DemoName,
  secondsLeft: number,
  overrides: Partial<JWT> = {},
): Promise<string> {
  const secret = appEnv('NEXTAUTH_SECRET');
  if (!secret) throw new Error('NEXTAUTH_SECRET missing from the test app.env');
  const maxAge = Number(appEnv('STRATUS_SESSION_MAX_AGE') ?? 8 * 60 * 60);
  const signedIn = await savedSession(who, secret);
  return encode({
    secret,
    token: {
      ...signedIn,
      signedInAt: Math.floor(Date.now() / 1000) - maxAge + secondsLeft,
      sid: randomUUID(),
      ...overrides,
    },
  });
}

/** The session `who` signed in with in the setup project (its saved browser state). */
export async function savedSession(who: DemoName, secret: string): Promise<JWT> {
  const state = JSON.parse(readFileSync(authFile(who), 'utf8')) as {
    cookies: { name: string; value: string }[];
  };
  const cookie = state.cookies.find((c) => c.name === 'next-auth.session-token');
  const token = cookie && (await decode({ token: cookie.value, secret }));
  if (!token) throw new Error(`no saved session for ${who}; run the setup project`);
  return token;
}

/** The session a browser context holds now (decoded), or null. */
export async function sessionOf(context: BrowserContext): Promise<JWT | null> {
  const secret = appEnv('NEXTAUTH_SECRET');
  if (!secret) throw new Error('NEXTAUTH_SECRET missing from the test app.env');
  const cookie = (await context.cookies(appOrigin)).find(
    (c) => c.name === 'next-auth.session-token',
  );
  return cookie ? decode({ token: cookie.value, secret }) : null;
}
