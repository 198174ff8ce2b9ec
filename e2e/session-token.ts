// A session cookie minted like next-auth's own, for sessions that must end during a test.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { BrowserContext } from '@playwright/test';
import { encode } from 'next-auth/jwt';

import { testClusterDir } from '../lib/testing/admin';
import { appOrigin, demoUser, type DemoName } from './auth';

function appEnv(key: string): string | undefined {
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
): Promise<void> {
  const secret = appEnv('NEXTAUTH_SECRET');
  if (!secret) throw new Error('NEXTAUTH_SECRET missing from the test app.env');
  const maxAge = Number(appEnv('STRATUS_SESSION_MAX_AGE') ?? 8 * 60 * 60);
  const user = demoUser(who);
  const value = await encode({
    secret,
    token: {
      sub: user.email,
      name: user.name,
      email: user.email,
      groups: user.groups,
      signedInAt: Math.floor(Date.now() / 1000) - maxAge + secondsLeft,
      sid: randomUUID(),
    },
  });
  await context.addCookies([
    { name: 'next-auth.session-token', value, url: appOrigin, httpOnly: true, sameSite: 'Lax' },
  ]);
}
