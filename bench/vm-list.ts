// The operator's VM list at scale: the scale seed's VMs (2,000 × factor, bench/scale-seed.ts; left in
// place for the next benchmark), then, as the operator, first rows on screen after navigation, the
// text filter, bytes per VM in the page and on the list route (row projection vs whole objects), and
// server memory with the list open in more tabs.
//
//   node --conditions=react-server --import tsx bench/vm-list.ts [--factor 1] [--loads 5] [--tabs 14]
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { serverRssKiB } from './stream-memory';
import {
  adminKubeconfig,
  appUrl,
  browser,
  clearFilter,
  filterToOneRow,
  percentile,
  serveApp,
  signedIn,
  stopApp,
  whenIdle,
} from './lib';
import { scaleCounts, vmName } from './scale-objects';
import { scaleSeed } from './scale-seed';

export async function vmList(opts: { factor: number; loads: number; tabs?: number }) {
  await scaleSeed({ kubeconfig: adminKubeconfig, factor: opts.factor, only: ['vms'] });
  const vms = scaleCounts(opts.factor).vms;
  const b = await browser();
  try {
    const ctx = await signedIn(b, 'oscar@ops.example', 'oscar-demo');
    const page = await ctx.newPage();
    const firstRows: number[] = [];
    const filters: number[] = [];
    const wholeList: number[] = [];
    const interactive: number[] = [];
    const landing: number[] = [];
    let html = 0;
    // One load more than asked: the first after the server starts is reported apart (its first
    // render of the route warms the process once, which no later visitor pays).
    for (let i = 0; i <= opts.loads; i++) {
      const t0 = Date.now();
      // From the navigation, not from the load event: the first page of rows comes in the HTML and
      // is on screen before the scripts have loaded; interactive (hydrated) is timed apart.
      const res = await page.goto('/console/vms', { waitUntil: 'commit' });
      await page.locator('[data-testid="resource-row"]').first().waitFor();
      firstRows.push(Date.now() - t0);
      await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
      interactive.push(Date.now() - t0);
      html = (await res?.body())?.length ?? 0;
      // Filter the whole list: wait until the stream has delivered it, not just the first page.
      await page.waitForFunction(
        (n) =>
          Number(
            document.querySelector('[data-testid="data-table"]')?.getAttribute('data-total'),
          ) >= n,
        vms,
        { timeout: 120_000 },
      );
      wholeList.push(Date.now() - t0);
      // The first keystroke as the whole list lands (the page still busy with it), then clear, and
      // one once the page is idle, as when a person has looked at the list first.
      landing.push(await filterToOneRow(page, vmName(vms - 1)));
      await clearFilter(page);
      await whenIdle(page);
      filters.push(await filterToOneRow(page, vmName(Math.floor(vms / 2))));
    }
    const listBytes = async (view: string) => {
      const r = await page.request.get(`/api/k8s/list?model=virtualmachines${view}`);
      return (await r.body()).length;
    };
    // Server memory with the whole list open in many tabs, each kept live by its own stream: 14,
    // since one person may hold 16 streams (MAX_STREAMS_PER_PERSON) and the first page holds one.
    const TABS = opts.tabs ?? 14;
    const before = serverRssKiB();
    const tabs = [];
    // A browser opens at most 6 HTTP/1.1 connections per host and each tab holds a stream, so
    // each tab gets its own context (as 20 people, or a browser speaking HTTP/2 to an ingress).
    const state = await ctx.storageState();
    for (let i = 0; i < TABS; i++) {
      const tab = await (await b.newContext({ baseURL: appUrl, storageState: state })).newPage();
      await tab.goto('/console/vms');
      await tab.waitForFunction(
        (n) =>
          Number(
            document.querySelector('[data-testid="data-table"]')?.getAttribute('data-total'),
          ) >= n,
        vms,
        { timeout: 120_000 },
      );
      tabs.push(tab);
    }
    const withTabs = serverRssKiB();
    for (const tab of tabs) await tab.context().close();
    const rows = await listBytes('&view=rows');
    const whole = await listBytes('');
    const sorted = (l: number[]) => [...l].sort((x, y) => x - y);
    const cold = { firstRows: firstRows.shift() ?? NaN, interactive: interactive.shift() ?? NaN };
    for (const l of [wholeList, landing, filters]) l.shift();
    return {
      vms,
      loads: opts.loads,
      cold,
      firstRows,
      firstRowP50: percentile(sorted(firstRows), 50),
      firstRowP95: percentile(sorted(firstRows), 95),
      interactiveP50: percentile(sorted(interactive), 50),
      interactiveP95: percentile(sorted(interactive), 95),
      wholeListP50: percentile(sorted(wholeList), 50),
      landingP50: percentile(sorted(landing), 50),
      landingP95: percentile(sorted(landing), 95),
      filterP50: percentile(sorted(filters), 50),
      filterP95: percentile(sorted(filters), 95),
      html,
      rowBytesPerVm: rows / vms,
      wholeBytesPerVm: whole / vms,
      rssBeforeMiB: before / 1024,
      rssTabsMiB: withTabs / 1024,
      tabs: TABS,
    };
  } finally {
    await b.close();
  }
}

export function vmListReport(r: Awaited<ReturnType<typeof vmList>>): string {
  return (
    `operator VM list, ${r.vms} VMs, ${r.loads} loads: first rows p50 ${r.firstRowP50.toFixed(0)} ms, p95 ${r.firstRowP95.toFixed(0)} ms (target ≤ 1000; per load in order ${r.firstRows.join(', ')} ms; the server's first load of the page before them ${r.cold.firstRows} ms, interactive ${r.cold.interactive} ms); interactive p50 ${r.interactiveP50.toFixed(0)} ms, p95 ${r.interactiveP95.toFixed(0)} ms; all rows loaded p50 ${r.wholeListP50.toFixed(0)} ms; ` +
    `filter p50 ${r.filterP50.toFixed(0)} ms, p95 ${r.filterP95.toFixed(0)} ms (target ≤ 100; the first keystroke as the whole list lands: p50 ${r.landingP50.toFixed(0)} ms, p95 ${r.landingP95.toFixed(0)} ms); ` +
    `page HTML ${(r.html / 1024).toFixed(0)} KiB; list route ${r.rowBytesPerVm.toFixed(0)} B per VM as rows vs ${r.wholeBytesPerVm.toFixed(0)} B whole; ` +
    `server RSS ${r.rssBeforeMiB.toFixed(0)} → ${r.rssTabsMiB.toFixed(0)} MiB with the list open in ${r.tabs} more tabs`
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { factor: { type: 'string' }, loads: { type: 'string' }, tabs: { type: 'string' } },
  });
  const app = await serveApp();
  try {
    console.log(
      vmListReport(
        await vmList({
          factor: Number(values.factor ?? 1),
          loads: Number(values.loads ?? 5),
          tabs: Number(values.tabs ?? 14),
        }),
      ),
    );
  } finally {
    stopApp(app);
  }
}
