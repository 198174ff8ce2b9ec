// The operator's nodes page at scale: adds kwok-managed nodes up to N (labelled stratus.dev/bench;
// kwok heartbeats them as it does the seeded ones), then, as the operator, measures first rows on
// screen after navigation, bytes per node on the list route (row projection vs whole Nodes), and
// removes the nodes again.
//
//   node --conditions=react-server --import tsx bench/nodes-page.ts [--nodes 100] [--loads 5]
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { KubernetesObjectApi, type KubernetesObject } from '@kubernetes/client-node';

import { nodeObject } from '../devcluster/src/seed/nodes';
import { fleet } from '../devcluster/src/seed/fleet';
import { admin, browser, percentile, serveApp, signedIn, stopApp } from './lib';

const BENCH_LABEL = 'stratus.dev/bench';

/** A node like the seeded ones (NFD labels and all), kwok-managed. */
function benchNode(i: number): KubernetesObject {
  const server = fleet[i % fleet.length];
  if (!server) throw new Error('the seed fleet is empty');
  const name = `bench-node-${String(i).padStart(3, '0')}`;
  const o = nodeObject({ ...server, node: name, kwok: true });
  return {
    ...o,
    metadata: {
      ...o.metadata,
      labels: { ...o.metadata.labels, [BENCH_LABEL]: 'true' },
    },
  } as KubernetesObject;
}

export async function seedNodes(total: number): Promise<number> {
  const api = KubernetesObjectApi.makeApiClient(admin());
  const n = Math.max(0, total - fleet.length);
  const todo = Array.from({ length: n }, (_, i) => benchNode(i));
  for (let i = 0; i < todo.length; i += 25)
    await Promise.all(
      todo.slice(i, i + 25).map((o) =>
        api.create(o).catch((e: unknown) => {
          if (!(e instanceof Error && /409|AlreadyExists/.test(e.message))) throw e;
        }),
      ),
    );
  return n;
}

export async function removeNodes(): Promise<void> {
  const api = KubernetesObjectApi.makeApiClient(admin());
  const list = await api.list(
    'v1',
    'Node',
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    `${BENCH_LABEL}=true`,
  );
  await Promise.all(list.items.map((o) => api.delete(o).catch(() => undefined)));
}

export async function nodesPage(opts: { nodes: number; loads: number }) {
  const added = await seedNodes(opts.nodes);
  const b = await browser();
  try {
    const ctx = await signedIn(b, 'oscar@ops.example', 'oscar-demo');
    const page = await ctx.newPage();
    const firstRows: number[] = [];
    for (let i = 0; i < opts.loads; i++) {
      const t0 = Date.now();
      await page.goto('/console/nodes');
      await page.locator('[data-testid="resource-row"]').first().waitFor();
      firstRows.push(Date.now() - t0);
    }
    const listBytes = async (view: string) =>
      (await (await page.request.get(`/api/k8s/list?model=nodes${view}`)).body()).length;
    const rows = await listBytes('&view=rows');
    const whole = await listBytes('');
    const total = added + fleet.length;
    const sorted = [...firstRows].sort((x, y) => x - y);
    return {
      nodes: total,
      loads: opts.loads,
      firstRowP50: percentile(sorted, 50),
      firstRowP95: percentile(sorted, 95),
      rowBytesPerNode: rows / total,
      wholeBytesPerNode: whole / total,
    };
  } finally {
    await b.close();
    await removeNodes();
  }
}

export function nodesPageReport(r: Awaited<ReturnType<typeof nodesPage>>): string {
  return (
    `nodes page, ${r.nodes} nodes, ${r.loads} loads: first rows p50 ${r.firstRowP50.toFixed(0)} ms, p95 ${r.firstRowP95.toFixed(0)} ms (target ≤ 1000); ` +
    `list route ${r.rowBytesPerNode.toFixed(0)} B per node as rows vs ${r.wholeBytesPerNode.toFixed(0)} B whole`
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { nodes: { type: 'string', default: '100' }, loads: { type: 'string', default: '5' } },
  });
  const app = await serveApp();
  try {
    console.log(
      nodesPageReport(
        await nodesPage({ nodes: Number(values.nodes), loads: Number(values.loads) }),
      ),
    );
  } finally {
    stopApp(app);
  }
}
