// Signing in through the real OIDC redirect flow: app → /signin → issuer's form → callback → app.
import path from 'node:path';

import { expect, type Page } from '@playwright/test';

import { profile } from '../devcluster/src/config.ts';
import { demoUsers, type DemoUser } from '../devcluster/src/demo-users.ts';
import { testClusterDir } from '../lib/testing/admin';
import { AppSignInPage } from './pages/app-sign-in';
import { IssuerSignInPage } from './pages/issuer-sign-in';

export type DemoName = 'alice' | 'bob' | 'carol' | 'oscar';
export const demoNames: DemoName[] = ['alice', 'bob', 'carol', 'oscar'];

export const appOrigin = `http://127.0.0.1:${profile('test').ports.app}`;
export const issuerOrigin = `http://127.0.0.1:${profile('test').ports.oidc}`;

export function demoUser(first: DemoName): DemoUser {
  const user = demoUsers.find((u) => u.email.startsWith(`${first}@`));
  if (!user) throw new Error(`no demo user ${first}`);
  return user;
}

/** Where the setup project leaves each user's signed-in browser state. */
export function authFile(first: DemoName): string {
  return path.join(testClusterDir(), 'e2e-auth', `${first}.json`);
}

/**
 * Opens `from` signed out, follows the redirect to /signin, and signs in at the issuer; resolves once
 * the app has taken the browser back to a page of its own.
 */
export async function signIn(page: Page, first: DemoName, from = '/'): Promise<void> {
  const user = demoUser(first);
  await page.goto(from);
  const appSignIn = new AppSignInPage(page);
  await appSignIn.expectShown(from);
  await appSignIn.start();
  const issuer = new IssuerSignInPage(page);
  await issuer.expectShown(issuerOrigin);
  await issuer.signIn(user.email, user.password);
  await expect(page).toHaveURL((url) => url.origin === appOrigin && url.pathname !== '/signin');
  await expect(page.getByTestId('viewer')).toContainText(user.email);
}
