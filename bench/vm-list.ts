// The operator's VM list at scale: seeds N VMs across the tenants through the API (idempotent,
// labelled stratus.dev/bench), then, as the operator, measures first rows on screen after navigation,
// the text filter, bytes per VM in the page and on the list route (row projection vs whole objects),
// and removes the VMs again.
//
//   node --conditions=react-server --import tsx bench/vm-list.ts [--vms 2000] [--loads 5]
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { KubernetesObjectApi, type KubernetesObject } from '@kubernetes/client-node';

import { serverRssKiB } from './stream-memory';
import { admin, appUrl, browser, percentile, serveApp, signedIn, stopApp } from './lib';

const BENCH_LABEL = 'stratus.dev/bench';
// Own tenants without a quota (the demo tenants allow 30 VMs each), removed afterwards.
const namespaces = Array.from(
  { length: 10 },
  (_, i) => `tenant-bench-${String(i + 1).padStart(2, '0')}`,
);

/** A VM as the dashboard builds them (container disk root, cloud-init), stopped. */
function benchVm(namespace: string, i: number): KubernetesObject & { spec: unknown } {
  const name = `bench-vm-${String(i).padStart(5, '0')}`;
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name, namespace, labels: { [BENCH_LABEL]: 'true', 'stratus.dev/vm': name } },
    spec: {
      runStrategy: 'Halted',
      instancetype: { kind: 'VirtualMachineClusterInstancetype', name: 'u1.small' },
      preference: { kind: 'VirtualMachineClusterPreference', name: 'ubuntu' },
      template: {
        metadata: { labels: { 'stratus.dev/vm': name } },
        spec: {
          domain: {
            devices: {
              disks: [
                { name: 'root', disk: {}, bootOrder: 1 },
                { name: 'cloudinit', disk: {} },
              ],
              interfaces: [{ name: 'default', masquerade: {} }],
            },
          },
          networks: [{ name: 'default', pod: {} }],
          volumes: [
            { name: 'root', containerDisk: { image: 'quay.io/containerdisks/ubuntu:24.04' } },
            {
              name: 'cloudinit',
              cloudInitNoCloud: {
                userData: `#cloud-config\nhostname: ${name}\nssh_authorized_keys:\n  - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBench${i} bench@stratus\npackages: [qemu-guest-agent]\n`,
              },
            },
          ],
        },
      },
    },
  };
}

export async function seedVms(n: number): Promise<void> {
  const api = KubernetesObjectApi.makeApiClient(admin());
  for (const name of namespaces)
    await api
      .create({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name,
          labels: { 'stratus.dev/tenant': name.slice('tenant-'.length), [BENCH_LABEL]: 'true' },
        },
      })
      .catch((e: unknown) => {
        if (!(e instanceof Error && /409|AlreadyExists/.test(e.message))) throw e;
      });
  const todo = Array.from({ length: n }, (_, i) =>
    benchVm(namespaces[i % namespaces.length] ?? '', i),
  );
  for (let i = 0; i < todo.length; i += 50) {
    await Promise.all(
      todo.slice(i, i + 50).map((o) =>
        api.create(o).catch((e: unknown) => {
          if (!(e instanceof Error && /409|AlreadyExists/.test(e.message))) throw e;
        }),
      ),
    );
  }
}

export async function removeVms(): Promise<void> {
  const api = KubernetesObjectApi.makeApiClient(admin());
  for (const name of namespaces)
    await api
      .delete({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })
      .catch(() => undefined);
}

export async function vmList(opts: { vms: number; loads: number }) {
  await seedVms(opts.vms);
  const b = await browser();
  try {
    const ctx = await signedIn(b, 'oscar@ops.example', 'oscar-demo');
    const page = await ctx.newPage();
    const firstRows: number[] = [];
    const filters: number[] = [];
    const wholeList: number[] = [];
    let html = 0;
    for (let i = 0; i < opts.loads; i++) {
      const t0 = Date.now();
      const res = await page.goto('/console/vms');
      await page.locator('[data-testid="resource-row"]').first().waitFor();
      firstRows.push(Date.now() - t0);
      html = (await res?.body())?.length ?? 0;
      // Filter the whole list: wait until the stream has delivered it, not just the first page.
      await page.waitForFunction(
        (n) =>
          Number(
            document.querySelector('[data-testid="data-table"]')?.getAttribute('data-total'),
          ) >= n,
        opts.vms,
        { timeout: 60_000 },
      );
      wholeList.push(Date.now() - t0);
      // In the page: set the filter as typing does, then wait for the frame that shows one row.
      filters.push(
        await page.evaluate(
          async (needle) => {
            const box = document.querySelector<HTMLInputElement>('input[type="search"]');
            if (!box) throw new Error('no filter box');
            const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
            const t = performance.now();
            set?.call(box, needle);
            box.dispatchEvent(new Event('input', { bubbles: true }));
            for (;;) {
              await new Promise((r) => requestAnimationFrame(r));
              const rows = document.querySelectorAll('[data-testid="resource-row"]');
              if (rows.length === 1) return performance.now() - t;
            }
          },
          `bench-vm-${String(opts.vms - 1).padStart(5, '0')}`,
        ),
      );
    }
    const listBytes = async (view: string) => {
      const r = await page.request.get(`/api/k8s/list?model=virtualmachines${view}`);
      return (await r.body()).length;
    };
    // Server memory with the whole list open in many tabs, each kept live by its own stream: 14,
    // since one person may hold 16 streams (MAX_STREAMS_PER_PERSON) and the first page holds one.
    const TABS = 14;
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
        opts.vms,
        { timeout: 60_000 },
      );
      tabs.push(tab);
    }
    const withTabs = serverRssKiB();
    for (const tab of tabs) await tab.context().close();
    const rows = await listBytes('&view=rows');
    const whole = await listBytes('');
    const sorted = (l: number[]) => [...l].sort((x, y) => x - y);
    return {
      vms: opts.vms,
      loads: opts.loads,
      firstRowP50: percentile(sorted(firstRows), 50),
      firstRowP95: percentile(sorted(firstRows), 95),
      wholeListP50: percentile(sorted(wholeList), 50),
      filterP50: percentile(sorted(filters), 50),
      filterP95: percentile(sorted(filters), 95),
      htmlPerVm: html / opts.vms,
      rowBytesPerVm: rows / opts.vms,
      wholeBytesPerVm: whole / opts.vms,
      rssBeforeMiB: before / 1024,
      rssTabsMiB: withTabs / 1024,
      tabs: TABS,
    };
  } finally {
    await b.close();
    await removeVms();
  }
}

export function vmListReport(r: Awaited<ReturnType<typeof vmList>>): string {
  return (
    `operator VM list, ${r.vms} VMs, ${r.loads} loads: first rows p50 ${r.firstRowP50.toFixed(0)} ms, p95 ${r.firstRowP95.toFixed(0)} ms (target ≤ 1000); all rows loaded p50 ${r.wholeListP50.toFixed(0)} ms; ` +
    `filter p50 ${r.filterP50.toFixed(0)} ms, p95 ${r.filterP95.toFixed(0)} ms (target ≤ 100); ` +
    `page HTML ${(r.htmlPerVm / 1024).toFixed(2)} KiB per VM; list route ${r.rowBytesPerVm.toFixed(0)} B per VM as rows vs ${r.wholeBytesPerVm.toFixed(0)} B whole; ` +
    `server RSS ${r.rssBeforeMiB.toFixed(0)} → ${r.rssTabsMiB.toFixed(0)} MiB with the list open in ${r.tabs} more tabs`
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { vms: { type: 'string' }, loads: { type: 'string' } } });
  const app = await serveApp();
  try {
    console.log(
      vmListReport(
        await vmList({ vms: Number(values.vms ?? 2000), loads: Number(values.loads ?? 5) }),
      ),
    );
  } finally {
    stopApp(app);
  }
}
