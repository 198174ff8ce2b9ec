// Server actions are POSTs to the page's URL with a Next-Action header and the arguments as a JSON
// array (React's encodeReply for plain objects). Tests rewrite or replay them to probe the server.
import { expect, type Page, type Request } from '@playwright/test';

export interface CapturedAction {
  url: string;
  headers: Record<string, string>;
  body: string;
}

const isAction = (r: Request) => r.method() === 'POST' && !!r.headers()['next-action'];

function capture(r: Request, body: string): CapturedAction {
  const keep = ['next-action', 'next-router-state-tree', 'content-type', 'accept'];
  const headers = Object.fromEntries(
    Object.entries(r.headers()).filter(([k]) => keep.includes(k.toLowerCase())),
  );
  return { url: r.url(), headers, body };
}

/** Server actions post to the page they run on: route only that path. */
function onThisPage(page: Page): (url: URL) => boolean {
  const path = new URL(page.url()).pathname;
  return (url) => url.pathname === path;
}

/**
 * Changes the arguments of the next server action the page sends. Resolves to the request as sent,
 * once it has gone to the server.
 */
export async function rewriteNextAction(
  page: Page,
  rewrite: (args: unknown[]) => unknown[],
): Promise<{ sent: Promise<CapturedAction> }> {
  let done: (c: CapturedAction) => void = () => {};
  const sent = new Promise<CapturedAction>((resolve) => (done = resolve));
  let used = false;
  await page.route(onThisPage(page), async (route) => {
    const r = route.request();
    if (used || !isAction(r)) return route.fallback();
    used = true;
    const args = JSON.parse(r.postData() ?? 'null') as unknown;
    expect(Array.isArray(args), 'server action arguments are a JSON array').toBe(true);
    const body = JSON.stringify(rewrite(args as unknown[]));
    await route.continue({ postData: body });
    done(capture(r, body));
  });
  return { sent };
}

/**
 * Stops the next server action the page sends (whose arguments `match`, when given: pages also poll
 * with actions), and resolves to it (so another page can replay it).
 */
export async function interceptNextAction(
  page: Page,
  match: (body: string) => boolean = () => true,
): Promise<{ seen: Promise<CapturedAction> }> {
  let done: (c: CapturedAction) => void = () => {};
  const seen = new Promise<CapturedAction>((resolve) => (done = resolve));
  let used = false;
  await page.route(onThisPage(page), async (route) => {
    const r = route.request();
    if (used || !isAction(r) || !match(r.postData() ?? '')) return route.fallback();
    used = true;
    await route.abort();
    done(capture(r, r.postData() ?? ''));
  });
  return { seen };
}

/** Sends a captured server action from this page (its cookies, its session); the response text. */
export async function replayAction(
  page: Page,
  action: CapturedAction,
  rewrite: (args: unknown[]) => unknown[] = (a) => a,
): Promise<{ status: number; text: string }> {
  const body = JSON.stringify(rewrite(JSON.parse(action.body) as unknown[]));
  return page.evaluate(
    async ({ url, headers, body }) => {
      const res = await fetch(url, { method: 'POST', headers, body });
      return { status: res.status, text: await res.text() };
    },
    { url: action.url, headers: action.headers, body },
  );
}

/** The delete action's single argument, with some fields replaced. */
export function withTarget(target: { namespace?: string; name?: string }) {
  return (args: unknown[]): unknown[] => {
    const [first, ...rest] = args;
    expect(first).toMatchObject({ model: expect.any(String), namespace: expect.any(String) });
    return [{ ...(first as Record<string, unknown>), ...target }, ...rest];
  };
}
