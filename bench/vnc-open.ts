// VNC console open time: from clicking "Console" on a running VM's page to the first non-blank
// frame on noVNC's canvas (ticket, WebSocket to the proxy, kube-apiserver, virt-api, RFB handshake,
// first framebuffer update). Measured in the page: the click's timestamp to the animation frame
// that first sees lit pixels. Two VMs take turns, so a viewer just closed on one never holds the
// next open (a VNC viewer keeps others out while its session lasts).
//
//   node --conditions=react-server --import tsx bench/vnc-open.ts [--opens N]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { KubernetesObjectApi, type KubernetesObject } from '@kubernetes/client-node';

import { admin, browser, percentile, signedIn } from './lib';

const NAMESPACE = 'tenant-acme';

function runningVm(name: string): KubernetesObject {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name, namespace: NAMESPACE, labels: { 'stratus.dev/bench': 'vnc-open' } },
    spec: { runStrategy: 'Always', template: { spec: { domain: { devices: {} } } } },
  } as KubernetesObject;
}

export async function vncOpen(
  n = 20,
): Promise<{ p50: number; p95: number; max: number; n: number }> {
  const api = KubernetesObjectApi.makeApiClient(admin());
  const run = Date.now().toString(36);
  const vms = [`bench-vnc-${run}-a`, `bench-vnc-${run}-b`].map(runningVm);
  for (const vm of vms) await api.create(vm);
  const b = await browser();
  try {
    const ctx = await signedIn(b, 'alice@acme.example', 'alice-demo');
    const page = await ctx.newPage();
    const samples: number[] = [];
    for (let i = 0; i < n; i++) {
      const name = vms[i % vms.length]?.metadata?.name ?? '';
      await page.goto(`/t/acme/virtualmachines/${name}`);
      const link = page.getByRole('link', { name: 'Console', exact: true });
      // The link shows once the VM runs (the simulator starts it on the first round).
      await link.waitFor({ timeout: 60_000 });
      await page.evaluate(() => {
        const w = window as Window & { __clickedAt?: number };
        document.addEventListener('click', () => (w.__clickedAt = performance.now()), {
          capture: true,
          once: true,
        });
      });
      await link.click();
      const handle = await page.waitForFunction(
        () => {
          const w = window as Window & { __clickedAt?: number };
          const ended = document.querySelector('[data-testid="console-end"]');
          if (ended) return `ended: ${ended.getAttribute('data-code')} ${ended.textContent}`;
          const c = document.querySelector<HTMLCanvasElement>('[data-testid="vnc-screen"] canvas');
          const ctx = c?.width && c.height ? c.getContext('2d') : null;
          if (!c || !ctx || w.__clickedAt === undefined) return false;
          const d = ctx.getImageData(0, 0, c.width, c.height).data;
          let lit = 0;
          for (let p = 0; p < d.length && lit < 1000; p += 4)
            if ((d[p] ?? 0) + (d[p + 1] ?? 0) + (d[p + 2] ?? 0) > 0) lit++;
          return lit >= 1000 ? performance.now() - w.__clickedAt : false;
        },
        undefined,
        { polling: 'raf', timeout: 15_000 },
      );
      const v = await handle.jsonValue();
      if (typeof v !== 'number') throw new Error(`open ${i + 1} did not show the screen (${v})`);
      samples.push(v);
    }
    const sorted = [...samples].sort((x, y) => x - y);
    return {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      max: sorted.at(-1) ?? NaN,
      n,
    };
  } finally {
    await b.close();
    for (const vm of vms) await api.delete(vm).catch(() => undefined);
  }
}

export function vncOpenReport(r: { p50: number; p95: number; max: number; n: number }): string {
  return `VNC console open (click Console → first non-blank frame), n=${r.n}: p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms, max ${r.max.toFixed(0)} ms`;
}

async function main() {
  const { values } = parseArgs({ options: { opens: { type: 'string' } } });
  console.log(vncOpenReport(await vncOpen(Number(values.opens ?? 20))));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
