import type { Page } from '@playwright/test';

/**
 * Holds the scripts a page fetches after its first load (modules it imports lazily, such as a
 * create form's validator) until `release()`; the scripts its HTML names pass at once.
 */
export async function holdLateScripts(page: Page, path: string) {
  let html = '';
  let released = false;
  const held: string[] = [];
  const waiting: Array<() => void> = [];
  await page.route(`**${path}`, async (route) => {
    const res = await route.fetch();
    html = await res.text();
    await route.fulfill({ response: res, body: html });
  });
  await page.route('**/_next/static/chunks/**', async (route) => {
    const file = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    if (released || !html || html.includes(file)) return route.continue();
    held.push(file);
    await new Promise<void>((resolve) => waiting.push(resolve));
    await route.continue();
  });
  return {
    held: () => [...held],
    release: () => {
      released = true;
      for (const go of waiting.splice(0)) go();
    },
  };
}
