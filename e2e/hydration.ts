import { expect, type Page, type Response } from '@playwright/test';

/**
 * After a full page load, waits until React has hydrated it (components/providers.tsx marks <html>):
 * a click or a fill before that is lost, since the buttons and forms have no handlers yet.
 */
export async function waitForHydration(
  page: Page,
  res: Response | null,
  app: string,
): Promise<void> {
  // Only the dashboard's own pages: not JSON from its routes, not the identity provider's pages.
  const html = (await res?.headerValue('content-type'))?.startsWith('text/html') ?? false;
  const ours = new URL(page.url()).origin === new URL(app).origin;
  if (html && ours) await expect(page.locator('html[data-hydrated]')).toBeAttached();
}

/** The page, with goto and reload resolving only once the loaded page is interactive. */
export function hydrating(page: Page, app: string): Page {
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (url, opts) => {
    const res = await goto(url, opts);
    await waitForHydration(page, res, app);
    return res;
  };
  page.reload = async (opts) => {
    const res = await reload(opts);
    await waitForHydration(page, res, app);
    return res;
  };
  return page;
}
