// A tenant's pages on the scale seed: the first tenant holds a tenth of the VMs (200 at factor 1) and
// its share of clusters and volumes. oscar (operators may open every tenant) opens each page several
// times: navigation → first row on screen (the overview: → live), and the VM list's text filter.
//
//   node --conditions=react-server --import tsx bench/tenant-pages.ts [--factor 1] [--loads 5]
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import {
  adminKubeconfig,
  browser,
  filterToOneRow,
  percentile,
  serveApp,
  signedIn,
  stopApp,
} from './lib';
import { BIG_TENANT, scaleCounts, vmName } from './scale-objects';
import { scaleSeed } from './scale-seed';

const pages = ['virtualmachines', 'volumes', 'clusters', ''] as const;

interface Figures {
  p50: number;
  p95: number;
}
const figures = (l: number[]): Figures => {
  const s = [...l].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95) };
};

export async function tenantPages(opts: { factor: number; loads: number }) {
  await scaleSeed({ kubeconfig: adminKubeconfig, factor: opts.factor });
  const vms = Math.ceil(scaleCounts(opts.factor).vms / 10);
  const b = await browser();
  try {
    const ctx = await signedIn(b, 'oscar@ops.example', 'oscar-demo');
    const page = await ctx.newPage();
    const shown: Record<string, number[]> = {};
    const cold: Record<string, number> = {};
    const filters: number[] = [];
    let listed = 0;
    // One round more than asked: the first after the server starts is reported apart, as in
    // bench/vm-list.ts (a route's first render warms the process once).
    for (let i = 0; i <= opts.loads; i++)
      for (const p of pages) {
        const t0 = Date.now();
        // From the navigation, as bench/vm-list.ts: a list's first rows come with the HTML.
        await page.goto(`/t/${BIG_TENANT}${p ? `/${p}` : ''}`, { waitUntil: 'commit' });
        await (
          p
            ? page.locator('[data-testid="resource-row"]').first()
            : page.locator('[data-testid="live-status"][data-status="live"]')
        ).waitFor();
        if (i === 0) cold[p || 'overview'] = Date.now() - t0;
        else (shown[p || 'overview'] ??= []).push(Date.now() - t0);
        if (p !== 'virtualmachines') continue;
        // Filter once the whole list is there, not just its first rows.
        await page.waitForFunction(
          (n) => {
            const table = document.querySelector('[data-testid="data-table"]');
            return (
              Number(table?.getAttribute('data-total')) >= n && !table?.hasAttribute('data-partial')
            );
          },
          vms,
          { timeout: 60_000 },
        );
        // The tenant may hold more than this factor's share (a larger factor seeded before).
        listed = Number(await page.getByTestId('data-table').getAttribute('data-total'));
        const filter = await filterToOneRow(page, vmName(0));
        if (i > 0) filters.push(filter);
      }
    return {
      vms: listed,
      loads: opts.loads,
      cold,
      shown: Object.fromEntries(Object.entries(shown).map(([k, v]) => [k, figures(v)])),
      filter: figures(filters),
    };
  } finally {
    await b.close();
  }
}

export function tenantPagesReport(r: Awaited<ReturnType<typeof tenantPages>>): string {
  const pagesText = Object.entries(r.shown)
    .map(([k, f]) => `${k} ${f.p50.toFixed(0)} / ${f.p95.toFixed(0)} ms`)
    .join(', ');
  return (
    `tenant ${BIG_TENANT} with ${r.vms} VMs, ${r.loads} loads each, navigation → first row (overview: → live), p50 / p95: ${pagesText} (target ≤ 1000); ` +
    `the server's first load of each: ${Object.entries(r.cold)
      .map(([k, ms]) => `${k} ${ms} ms`)
      .join(', ')}; ` +
    `VM filter ${r.filter.p50.toFixed(0)} / ${r.filter.p95.toFixed(0)} ms (target ≤ 100)`
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { factor: { type: 'string' }, loads: { type: 'string' } },
  });
  const app = await serveApp();
  try {
    console.log(
      tenantPagesReport(
        await tenantPages({ factor: Number(values.factor ?? 1), loads: Number(values.loads ?? 5) }),
      ),
    );
  } finally {
    stopApp(app);
  }
}
