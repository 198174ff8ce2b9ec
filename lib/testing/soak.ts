// A soak of the dashboard's server code against the test cluster: real people (a tenant's admin and
// viewer) read lists as the pages prefetch them, create and delete VMs as the create and delete
// actions do, hold live streams (lib/live/hub) that are closed and reopened as tabs come and go, and
// open serial consoles through the console proxy (lib/consoles) one after another. Counts what
// happened, every error, the API server's open watches, open consoles and this process's heap.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { rawGet } from '../../devcluster/src/kube.ts';
import { openStream, type LiveStream } from '../live/hub';
import { listFor } from '../live/list';
import type { Subscription } from '../live/protocol';
import { kubeFor } from '../k8s/client';
import { english } from '../i18n/catalogs';
import { toUserError } from '../k8s/errors';
import { createVmSchema } from '../vms/schema';
import { defaultVm } from '../vms/draft';
import { createVmObjects, deleteVm, vmPreflight } from '../vms/server';
import { uniqueName, type Admin, type TestTenant } from './admin';
import { consoleRig } from './consoles';
import { memberOf } from './viewers';

export interface SoakOptions {
  durationMs: number;
  /** Live streams held open at once (each watches the tenant's VMs and Services). */
  streams: number;
  /** How often one stream is closed and a new one opened. */
  reopenEveryMs?: number;
  /** Pause between a reader's lists, and between a writer's create and delete. */
  readEveryMs?: number;
  writeEveryMs?: number;
  /** Pause between one serial console session and the next. */
  consoleEveryMs?: number;
  /** How often the watch count and the heap are sampled. */
  sampleEveryMs?: number;
  /** Progress lines (the bench prints them). */
  log?: (line: string) => void;
}

export interface SoakReport {
  seconds: number;
  reads: number;
  writes: number;
  reopens: number;
  events: number;
  /** Serial console sessions opened, used (a line typed and echoed) and closed. */
  consoles: number;
  /** Console sessions the proxy still relayed after the last one closed (a leak if not 0). */
  consolesLeft: number;
  errors: string[];
  /** Open WATCH requests on the API server for the streams' resources. */
  watches: { before: number; open: number[]; after: number };
  /** Heap in use after a full GC, MiB, one sample per interval. */
  heapMiB: number[];
}

/** The streams' resources: the tenant's VM list (as rows) and its Services. */
const subscriptions = (namespace: string): Subscription[] => [
  { model: 'virtualmachines', namespace, view: 'rows' },
  { model: 'services', namespace },
];
const WATCHED = ['virtualmachines', 'services'];

/** A full GC, so heap samples show what is retained, not what is merely not yet collected. */
const gc: () => void = (() => {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

export function heapMiB(): number {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** Namespaced WATCH requests the API server holds open for the streams' resources. */
export async function openWatches(admin: Admin): Promise<number> {
  const { status, body } = await rawGet(admin.kc, '/metrics');
  if (status !== 200) throw new Error(`/metrics answered ${status}`);
  let n = 0;
  for (const line of body.split('\n')) {
    if (!line.startsWith('apiserver_longrunning_requests{')) continue;
    const labels = line.slice(line.indexOf('{') + 1, line.lastIndexOf('}'));
    const has = (k: string, v: string) => labels.includes(`${k}="${v}"`);
    if (
      has('verb', 'WATCH') &&
      has('scope', 'namespace') &&
      WATCHED.some((r) => has('resource', r))
    )
      n += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return n;
}

/** Waits (bounded) until the open watch count satisfies `ok`; returns the last count. */
export async function watchesWhen(
  admin: Admin,
  ok: (n: number) => boolean,
  ms = 15_000,
): Promise<number> {
  const deadline = Date.now() + ms;
  let n = await openWatches(admin);
  while (!ok(n) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    n = await openWatches(admin);
  }
  return n;
}

const pause = (ms: number, until: number) =>
  new Promise((r) => setTimeout(r, Math.max(0, Math.min(ms, until - Date.now()))));

/** Runs the soak in `tenant` (made by the caller) and reports; never throws for the soak's own errors. */
export async function soak(admin: Admin, tenant: TestTenant, o: SoakOptions): Promise<SoakReport> {
  const log = o.log ?? (() => undefined);
  const viewer = memberOf(tenant.name, 'viewers');
  const owner = memberOf(tenant.name, 'admins');
  const report: SoakReport = {
    seconds: 0,
    reads: 0,
    writes: 0,
    reopens: 0,
    events: 0,
    consoles: 0,
    consolesLeft: 0,
    errors: [],
    watches: { before: await openWatches(admin), open: [], after: 0 },
    heapMiB: [],
  };
  const note = (line: string) => {
    if (report.errors.length < 50) report.errors.push(line);
  };
  const fail = (what: string, e: unknown) =>
    note(`${what}: ${toUserError(e).message} (${String(e)})`);
  const open = (): LiveStream => {
    const s = openStream(viewer.identity, (m) => {
      if (m.type === 'events') report.events += m.events.length;
      else if (m.type === 'error') note(`stream ${m.key}: ${m.error.message}`);
    });
    s.setSubscriptions(subscriptions(tenant.namespace));
    return s;
  };
  const consoles = await consoleRig(admin, tenant);
  const started = Date.now();
  const until = started + o.durationMs;
  const streams = Array.from({ length: o.streams }, open);
  // Every stream watching before the clock starts: the count the rest is compared with.
  const full = report.watches.before + WATCHED.length * o.streams;
  report.watches.open.push(await watchesWhen(admin, (n) => n >= full));
  report.heapMiB.push(heapMiB());

  const reader = async () => {
    const kube = kubeFor(viewer.identity);
    while (Date.now() < until) {
      for (const s of subscriptions(tenant.namespace))
        await listFor(kube, s).then(
          () => report.reads++,
          (e: unknown) => fail('read', e),
        );
      await pause(o.readEveryMs ?? 200, until);
    }
  };
  const writer = async () => {
    const kube = kubeFor(owner.identity);
    while (Date.now() < until) {
      const input = createVmSchema.parse({
        ...defaultVm,
        name: uniqueName('soak'),
        bootSource: 'ubuntu-24-04',
      });
      try {
        const refused = await vmPreflight(kube, tenant.namespace, input);
        if (refused) throw new Error(english(refused.message));
        await createVmObjects(kube, tenant.namespace, input);
        report.writes++;
        await pause(o.writeEveryMs ?? 1_000, until);
        await deleteVm(kube, tenant.namespace, input.name, false);
        report.writes++;
      } catch (e) {
        fail('write', e);
      }
      await pause(o.writeEveryMs ?? 1_000, until);
    }
  };
  const reopener = async () => {
    for (let i = 0; Date.now() < until; i++) {
      await pause(o.reopenEveryMs ?? 2_000, until);
      if (Date.now() >= until) break;
      const k = i % streams.length;
      streams[k]?.close();
      streams[k] = open();
      report.reopens++;
    }
  };
  const consoler = async () => {
    while (Date.now() < until) {
      try {
        await consoles.session(owner.identity);
        report.consoles++;
      } catch (e) {
        fail('console', e);
      }
      await pause(o.consoleEveryMs ?? 1_000, until);
    }
  };
  const sampler = async () => {
    while (Date.now() < until) {
      await pause(o.sampleEveryMs ?? 5_000, until);
      report.heapMiB.push(heapMiB());
      report.watches.open.push(await openWatches(admin));
      log(
        `${Math.round((Date.now() - started) / 1000)} s: reads ${report.reads}, writes ${report.writes}, reopens ${report.reopens}, events ${report.events}, errors ${report.errors.length}, watches ${report.watches.open.at(-1)}, heap ${report.heapMiB.at(-1)?.toFixed(1)} MiB`,
      );
    }
  };
  await Promise.all([reader(), writer(), reopener(), consoler(), sampler()]);
  report.consolesLeft = await consoles.close();
  report.seconds = (Date.now() - started) / 1000;
  // Every stream open at the end is watching: none was lost on the way.
  report.watches.open.push(await watchesWhen(admin, (n) => n >= full));
  for (const s of streams) s.close();
  report.watches.after = await watchesWhen(admin, (n) => n <= report.watches.before);
  report.heapMiB.push(heapMiB());
  return report;
}

/** Growth of the heap across the soak: the later half's lowest sample over the earlier half's. */
export function heapGrowthMiB(samples: number[]): number {
  const half = Math.floor(samples.length / 2);
  const early = Math.min(...samples.slice(0, Math.max(1, half)));
  const late = Math.min(...samples.slice(half));
  return late - early;
}
