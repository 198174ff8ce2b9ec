// npm run bench — prints the foundation's performance figures (recorded in the README).
// Needs the test cluster (`npm run cluster -- start --profile test`) and a build (`npx next build`).
import { clusterCreate } from './cluster-create';
import { liveLatency } from './live-latency';
import { loadAppEnv, serveApp, stopApp } from './lib';
import { pageRequests, pageRequestsReport } from './page-requests';
import { streamMemory } from './stream-memory';
import { vmList, vmListReport } from './vm-list';
import { vncOpen, vncOpenReport } from './vnc-open';
import { releasesPage, releasesPageReport } from './releases-page';
import { nodesPage, nodesPageReport } from './nodes-page';

async function main() {
  loadAppEnv();
  const create = await clusterCreate(30);
  console.log(
    `cluster create (submit → all objects accepted), n=${create.n}: p50 ${create.p50.toFixed(0)} ms, p95 ${create.p95.toFixed(0)} ms, max ${create.max.toFixed(0)} ms (target p95 ≤ 500 ms)`,
  );
  const app = await serveApp();
  try {
    const lat = await liveLatency(50);
    console.log(
      `live update latency (API change → page), n=${lat.n}: p50 ${lat.p50.toFixed(0)} ms, p95 ${lat.p95.toFixed(0)} ms, max ${lat.max.toFixed(0)} ms (target p95 ≤ 250 ms)`,
    );
    const mem = await streamMemory(100);
    console.log(
      `server memory, ${mem.n} live streams × 2 watches: RSS ${mem.beforeMiB.toFixed(0)} → ${mem.openedMiB.toFixed(0)} MiB ` +
        `(${mem.perStreamKiB.toFixed(0)} KiB per stream; target ≤ 1024), drift while held 30 s: ${mem.driftWhileHeldKiB.toFixed(0)} KiB`,
    );
    console.log(pageRequestsReport(await pageRequests({ profile: 'test', loads: 5 })));
    console.log(vmListReport(await vmList({ vms: 2000, loads: 5 })));
    console.log(vncOpenReport(await vncOpen(20)));
    console.log(releasesPageReport(await releasesPage({ releases: 200, loads: 5 })));
    console.log(nodesPageReport(await nodesPage({ nodes: 100, loads: 5 })));
  } finally {
    stopApp(app);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
