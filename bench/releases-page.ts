// The operator's releases page at scale: seeds N HelmReleases (idempotent, labelled
// stratus.dev/bench) with helm-controller-shaped status — most Ready, some failing, some suspended —
// then, as the operator, measures the text filter in the page (typing → the frame that shows the one
// match) and the pure filter over the summaries, and removes the releases again.
//
//   node --conditions=react-server --import tsx bench/releases-page.ts [--releases 200] [--loads 5]
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import {
  CustomObjectsApi,
  KubernetesObjectApi,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';

import { filterReleases, sortReleases } from '../lib/releases/filter';
import { summarizeRelease } from '../lib/releases/status';
import type { ReleaseObject } from '../lib/releases/types';
import { readyReleaseStatus, testRelease } from '../lib/testing/releases';
import {
  admin,
  browser,
  clearFilter,
  filterToOneRow,
  percentile,
  serveApp,
  signedIn,
  stopApp,
} from './lib';

const BENCH_LABEL = 'stratus.dev/bench';
const namespaces = Array.from(
  { length: 10 },
  (_, i) => `bench-rel-${String(i + 1).padStart(2, '0')}`,
);
const nameOf = (i: number) => `bench-hr-${String(i).padStart(4, '0')}`;

function failed(status: ReturnType<typeof readyReleaseStatus>) {
  const c = status.conditions[0];
  return {
    ...status,
    conditions: c
      ? [
          {
            ...c,
            status: 'False',
            reason: 'UpgradeFailed',
            message: 'Helm upgrade failed: timed out waiting for the condition',
          },
        ]
      : [],
  };
}

const exists = (e: unknown) => e instanceof Error && /409|AlreadyExists/.test(e.message);

export async function seedReleases(n: number): Promise<ReleaseObject[]> {
  const kc = admin();
  const api = KubernetesObjectApi.makeApiClient(kc);
  const custom = kc.makeApiClient(CustomObjectsApi);
  for (const name of namespaces)
    await api
      .create({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name, labels: { [BENCH_LABEL]: 'true' } },
      })
      .catch((e: unknown) => {
        if (!exists(e)) throw e;
      });
  const made: ReleaseObject[] = [];
  for (let i = 0; i < n; i += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, n - i) }, async (_, k) => {
        const idx = i + k;
        const ns = namespaces[idx % namespaces.length] ?? '';
        const hr = testRelease(ns, nameOf(idx));
        const spec = { ...(hr.spec as object), ...(idx % 20 === 7 ? { suspend: true } : {}) };
        await api.create({ ...hr, spec }).catch((e: unknown) => {
          if (!exists(e)) throw e;
        });
        const base = readyReleaseStatus(ns, nameOf(idx));
        const status = idx % 10 === 3 ? failed(base) : base;
        await custom.patchNamespacedCustomObjectStatus(
          {
            group: 'helm.toolkit.fluxcd.io',
            version: 'v2',
            namespace: ns,
            plural: 'helmreleases',
            name: nameOf(idx),
            body: { status },
          },
          setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
        );
        made.push({ ...hr, spec, status } as ReleaseObject);
      }),
    );
  }
  return made;
}

export async function removeReleases(): Promise<void> {
  const api = KubernetesObjectApi.makeApiClient(admin());
  for (const name of namespaces)
    await api
      .delete({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })
      .catch(() => undefined);
}

export async function releasesPage(opts: { releases: number; loads: number }) {
  const seeded = await seedReleases(opts.releases);
  const b = await browser();
  try {
    const ctx = await signedIn(b, 'oscar@ops.example', 'oscar-demo');
    const page = await ctx.newPage();
    const filters: number[] = [];
    const loads: number[] = [];
    for (let i = 0; i < opts.loads; i++) {
      const t0 = Date.now();
      await page.goto('/console/releases');
      await page.waitForFunction(
        (n) =>
          Number(document.querySelector('[data-testid="shown"]')?.getAttribute('data-total')) >= n,
        opts.releases,
        { timeout: 60_000 },
      );
      loads.push(Date.now() - t0);
      for (const needle of [nameOf(opts.releases - 1), nameOf(Math.floor(opts.releases / 2))]) {
        filters.push(await filterToOneRow(page, needle, 'input[aria-label="Filter releases"]'));
        // Clear the box again, so the next measurement starts from the full list.
        await clearFilter(page, 'input[aria-label="Filter releases"]');
        await page.waitForFunction(
          (n) =>
            Number(document.querySelector('[data-testid="shown"]')?.getAttribute('data-shown')) >=
            n,
          opts.releases,
        );
      }
    }
    // The pure part alone: summaries → filter → sort, as the page recomputes on each keystroke.
    const rows = seeded.map((hr) => summarizeRelease(hr));
    const pure: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      sortReleases(filterReleases(rows, { text: nameOf(i % opts.releases) }));
      pure.push(performance.now() - t);
    }
    const sorted = (l: number[]) => [...l].sort((x, y) => x - y);
    return {
      releases: opts.releases,
      loads: opts.loads,
      loadP50: percentile(sorted(loads), 50),
      filterP50: percentile(sorted(filters), 50),
      filterP95: percentile(sorted(filters), 95),
      pureP50: percentile(sorted(pure), 50),
      pureP95: percentile(sorted(pure), 95),
      n: filters.length,
    };
  } finally {
    await b.close();
    await removeReleases();
  }
}

export function releasesPageReport(r: Awaited<ReturnType<typeof releasesPage>>): string {
  return (
    `releases page, ${r.releases} HelmReleases (+ the seed's), ${r.loads} loads: all rows p50 ${r.loadP50.toFixed(0)} ms; ` +
    `filter (typing → one row on screen), n=${r.n}: p50 ${r.filterP50.toFixed(0)} ms, p95 ${r.filterP95.toFixed(0)} ms (target ≤ 100); ` +
    `filter+sort of the summaries alone p50 ${r.pureP50.toFixed(2)} ms, p95 ${r.pureP95.toFixed(2)} ms`
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      releases: { type: 'string', default: '200' },
      loads: { type: 'string', default: '5' },
    },
  });
  const app = await serveApp();
  try {
    console.log(
      releasesPageReport(
        await releasesPage({ releases: Number(values.releases), loads: Number(values.loads) }),
      ),
    );
  } finally {
    stopApp(app);
  }
}
