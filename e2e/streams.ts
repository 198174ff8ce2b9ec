// Keeps a handle on every EventSource a page opens, and on what each one received.
import type { BrowserContext, Page } from '@playwright/test';

declare global {
  interface Window {
    __streams?: EventSource[];
    __streamData?: string[];
  }
}

export async function recordStreams(target: BrowserContext | Page): Promise<void> {
  await target.addInitScript(() => {
    const Native = window.EventSource;
    const all: EventSource[] = [];
    const data: string[] = [];
    window.__streams = all;
    window.__streamData = data;
    window.EventSource = class extends Native {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        all.push(this);
        this.addEventListener('message', (m) => data.push(String(m.data)));
      }
    };
  });
}

export function streamStates(page: Page): Promise<number[]> {
  return page.evaluate(() => (window.__streams ?? []).map((s) => s.readyState));
}

export function streamData(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__streamData ?? []);
}
