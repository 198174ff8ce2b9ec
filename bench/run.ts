// npm run bench [-- name ... [--factor N]] — prints the performance figures (recorded in the README):
// all benchmarks, or those named. --factor sets the scale seed (bench/scale-seed.ts) the scale
// benchmarks run on. Needs the test cluster (`npm run cluster -- start --profile test`) and a build.
import { parseArgs } from 'node:util';

import { clusterCreate } from './cluster-create';
import { firstLoadJs, firstLoadJsReport } from './first-load-js';
import { liveLatency } from './live-latency';
import { manyStreams, manyStreamsReport } from './many-streams';
import { adminKubeconfig, loadAppEnv, serveApp, stopApp } from './lib';
import { nodesPage, nodesPageReport } from './nodes-page';
import {
  operatorVms,
  pageRequests,
  pageRequestsReport,
  tenantVms,
  type PageTarget,
} from './page-requests';
import { releasesPage, releasesPageReport } from './releases-page';
import { scaleSeed } from './scale-seed';
import { tenantPages, tenantPagesReport } from './tenant-pages';
import { vmList, vmListReport } from './vm-list';
import { vncOpen, vncOpenReport } from './vnc-open';

interface Bench {
  /** Served app needed. */
  app: boolean;
  run: (factor: number, o: { streams: number; minutes: number }) => Promise<string>;
}

/** Counts a page's requests on the scale seed at `factor` (seeded first, VMs only past 1). */
async function scaleRequests(factor: number, target: PageTarget): Promise<string> {
  await scaleSeed({ kubeconfig: adminKubeconfig, factor, only: factor > 1 ? ['vms'] : undefined });
  return `×${factor} ${pageRequestsReport(await pageRequests({ profile: 'test', loads: factor > 1 ? 3 : 5, target }))}`;
}

const benches: Record<string, Bench> = {
  'first-load-js': { app: false, run: () => Promise.resolve(firstLoadJsReport(firstLoadJs())) },
  'cluster-create': {
    app: false,
    run: async () => {
      const c = await clusterCreate(30);
      return `cluster create (submit → all objects accepted), n=${c.n}: p50 ${c.p50.toFixed(0)} ms, p95 ${c.p95.toFixed(0)} ms, max ${c.max.toFixed(0)} ms (target p95 ≤ 500 ms)`;
    },
  },
  'live-latency': {
    app: true,
    run: async () => {
      const lat = await liveLatency(50);
      return `live update latency (API change → page), n=${lat.n}: p50 ${lat.p50.toFixed(0)} ms, p95 ${lat.p95.toFixed(0)} ms, max ${lat.max.toFixed(0)} ms (target p95 ≤ 250 ms)`;
    },
  },
  'many-streams': {
    app: true,
    run: async (_f, o) => manyStreamsReport(await manyStreams(o.streams, o.minutes)),
  },
  'page-requests': {
    app: true,
    run: async () => pageRequestsReport(await pageRequests({ profile: 'test', loads: 5 })),
  },
  'vm-list-requests': { app: true, run: (f) => scaleRequests(f, operatorVms) },
  'tenant-vm-requests': { app: true, run: (f) => scaleRequests(f, tenantVms) },
  'vm-list': {
    app: true,
    run: async (f) => vmListReport(await vmList({ factor: f, loads: 5, tabs: f > 1 ? 0 : 14 })),
  },
  'tenant-pages': {
    app: true,
    run: async (f) => tenantPagesReport(await tenantPages({ factor: f, loads: 5 })),
  },
  'vnc-open': { app: true, run: async () => vncOpenReport(await vncOpen(20)) },
  'releases-page': {
    app: true,
    run: async () => releasesPageReport(await releasesPage({ releases: 200, loads: 5 })),
  },
  'nodes-page': {
    app: true,
    run: async () => nodesPageReport(await nodesPage({ nodes: 100, loads: 5 })),
  },
};

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      factor: { type: 'string', default: '1' },
      // many-streams: streams held open and minutes held.
      streams: { type: 'string', default: '200' },
      minutes: { type: 'string', default: '10' },
    },
  });
  const factor = Number(values.factor);
  const unknown = positionals.filter((n) => !(n in benches));
  if (unknown.length)
    throw new Error(
      `unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(benches).join(', ')}`,
    );
  const chosen = positionals.length ? positionals : Object.keys(benches);
  loadAppEnv();
  const app = chosen.some((n) => benches[n]?.app) ? await serveApp() : undefined;
  try {
    for (const name of chosen) {
      const b = benches[name];
      if (b)
        console.log(
          await b.run(factor, { streams: Number(values.streams), minutes: Number(values.minutes) }),
        );
    }
  } finally {
    if (app) stopApp(app);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
