// Pages hydrate onto the server's HTML instead of rendering again: when the text differs (an age
// that moved on from "12s" to "13s" while the scripts loaded), React throws the HTML away and
// renders the whole page anew, which is slower and loses what the person already typed.
import { authFile } from './auth';
import { expect, test } from './fixtures';

test.use({ storageState: authFile('alice') });

test('a list of just-created objects hydrates onto the HTML the server sent', async ({
  browser,
  make,
}) => {
  const lb = await make.loadBalancer('tenant-acme');
  // A page of its own (the fixture's waits for hydration in goto), with the scripts held back
  // 1.5 s: every age in seconds has moved on by the time the page hydrates.
  const context = await browser.newContext({ storageState: authFile('alice') });
  const page = await context.newPage();
  await page.route('**/_next/static/chunks/**', async (r) => {
    await new Promise((res) => setTimeout(res, 1_500));
    await r.continue();
  });
  await page.addInitScript(() => {
    const w = window as Window & { firstTable?: Element };
    new MutationObserver(() => {
      w.firstTable ??= document.querySelector('[data-testid="data-table"]') ?? undefined;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('/t/acme/loadbalancers');
  await expect(page.locator(`[data-testid="resource-row"][data-name="${lb}"]`)).toBeVisible();
  await expect(page.locator('html[data-hydrated]')).toBeAttached();
  const kept = await page.evaluate(() => {
    const w = window as Window & { firstTable?: Element };
    return (
      w.firstTable !== undefined &&
      w.firstTable === document.querySelector('[data-testid="data-table"]')
    );
  });
  expect(kept).toBe(true);
  await context.close();
});
