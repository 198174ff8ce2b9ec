// Shared bench plumbing: the test-profile cluster's admin client, a served app, and a signed-in browser.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';

import { files, profile, type ProfileName } from '../devcluster/src/config';
import { loadKubeconfig } from '../devcluster/src/kube';
import { chromiumLaunchOptions } from '../e2e/chromium';

export const appUrl = `http://127.0.0.1:${profile('test').ports.app}`;
export const adminKubeconfig = path.resolve('.devcluster/test/admin.kubeconfig');
export const admin = () => loadKubeconfig(adminKubeconfig);

/** Where a profile's app is served (test → :3100, demo → :3000). */
export const appUrlOf = (name: ProfileName) => `http://127.0.0.1:${profile(name).ports.app}`;
/** A profile's cluster-admin client config (`.devcluster/<profile>/admin.kubeconfig`). */
export const adminOf = (name: ProfileName) => loadKubeconfig(files(profile(name)).adminKubeconfig);

/** The test app's settings (what the served app reads), for benches that run server code in-process. */
export function loadAppEnv(): void {
  for (const line of readFileSync('.devcluster/test/app.env', 'utf8').split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) process.env[line.slice(0, i)] ??= line.slice(i + 1);
  }
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export async function serveApp(): Promise<ChildProcess> {
  const child = spawn('bash', ['scripts/serve-app.sh', 'test'], {
    stdio: 'ignore',
    detached: true,
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${appUrl}/signin`)).ok) return child;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`the app did not come up on ${appUrl}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function stopApp(child: ChildProcess): void {
  if (child.pid) process.kill(-child.pid, 'SIGTERM');
}

export async function browser(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

/** Signs in through the real OIDC redirect flow and returns the context holding the session. */
export async function signedIn(
  b: Browser,
  email: string,
  password: string,
  url: string = appUrl,
): Promise<BrowserContext> {
  const ctx = await b.newContext({ baseURL: url });
  const page = await ctx.newPage();
  await page.goto('/signin');
  await page.getByRole('button', { name: 'Sign in with Stratus SSO' }).click();
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((u) => u.origin === url && !u.pathname.startsWith('/signin'));
  await page.close();
  return ctx;
}

/** Empties the filter box again, until more than one row shows. */
export async function clearFilter(page: Page, box = 'input[type="search"]'): Promise<void> {
  await page.evaluate((box) => {
    const input = document.querySelector<HTMLInputElement>(box);
    const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    if (!input) throw new Error('no filter box');
    set?.call(input, '');
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, box);
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="resource-row"]').length > 1,
  );
}

/** Until the page's main thread has a long idle stretch (40 ms granted to an idle callback). */
export async function whenIdle(page: Page): Promise<void> {
  // A string: tsx would wrap a named function in the page with a helper the page does not have.
  await page.evaluate(`new Promise((resolve, reject) => {
    const until = performance.now() + 20000;
    (function ask() {
      requestIdleCallback((d) => {
        if (d.timeRemaining() >= 40) resolve();
        else if (performance.now() > until) reject(new Error('the page never went idle'));
        else ask();
      });
    })();
  })`);
}

/**
 * In the page: sets the filter box as typing does, then waits for the frame that shows exactly one
 * row; the milliseconds between. Gives up after 10 s (a filter that never narrows to one row).
 */
export async function filterToOneRow(
  page: Page,
  needle: string,
  box = 'input[type="search"]',
): Promise<number> {
  return page.evaluate(
    async ({ needle, box }) => {
      // Typing into the server-rendered box before React hydrates it changes nothing.
      while (!document.documentElement.dataset.hydrated)
        await new Promise((r) => requestAnimationFrame(r));
      const input = document.querySelector<HTMLInputElement>(box);
      if (!input) throw new Error('no filter box');
      const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      const t = performance.now();
      set?.call(input, needle);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      for (;;) {
        await new Promise((r) => requestAnimationFrame(r));
        const rows = document.querySelectorAll('[data-testid="resource-row"]').length;
        if (rows === 1) return performance.now() - t;
        if (performance.now() - t > 10_000)
          throw new Error(`filter "${needle}" still shows ${rows} rows after 10 s`);
      }
    },
    { needle, box },
  );
}
