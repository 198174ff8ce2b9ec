// API-server requests caused by opening a page (by default a tenant cluster's detail page: alice opens
// /t/acme/clusters/<first cluster in tenant-acme>; also the operator's and a tenant's VM lists, whose
// counts must not grow with the scale seed's factor) several times, each load is counted from navigation
// until the page is live and its subscriptions have settled, and the median per verb is reported.
//
// Method. kube-apiserver's request metrics carry no user, and the local cluster writes no audit log
// (devcluster/src/cluster.ts passes no --audit-* flags). So the bench installs temporary FlowSchemas
// matching only alice's (impersonated) and the dashboard identity's own requests, one per verb, and
// reads apiserver_flowcontrol_dispatched_requests_total per FlowSchema. API Priority and Fairness
// classifies a request after impersonation and counts it when it is dispatched (a WATCH when it
// starts), so these figures are exactly this person's requests, whatever the simulator and the
// controllers do meanwhile. The FlowSchemas use the priority level alice's requests get anyway
// (global-default) and are deleted afterwards. As a cross-check, apiserver_request_total filtered to
// the page's resources is reported too, minus an idle baseline of the same length after each load
// (that counter records a WATCH when it ends, so it is read after the page has been closed).
//
//   node --conditions=react-server --import tsx bench/page-requests.ts [--profile demo|test] [--app URL] [--loads N]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import {
  KubernetesObjectApi,
  type KubeConfig,
  type KubernetesObject,
} from '@kubernetes/client-node';

import type { ProfileName } from '../devcluster/src/config';
import { applyAll, rawGet } from '../devcluster/src/kube';
import { adminOf, appUrlOf, browser, signedIn } from './lib';
import { BIG_TENANT } from './scale-objects';

/** A page to count: who opens it, where, and the kinds it reads (for the cross-check). */
export interface PageTarget {
  label: string;
  email: string;
  password: string;
  /** The path, given the admin client (e.g. to find a cluster to open). */
  path: (objects: KubernetesObjectApi) => Promise<string>;
  /** The kinds the page reads, for the apiserver_request_total cross-check. */
  resources: Set<string>;
}

/** alice opens the first tenant cluster of acme. */
export const clusterDetail: PageTarget = {
  label: 'cluster detail page',
  email: 'alice@acme.example',
  password: 'alice-demo',
  path: async (objects) => {
    const clusters = await objects.list('cluster.x-k8s.io/v1beta2', 'Cluster', 'tenant-acme');
    const cluster = clusters.items[0]?.metadata?.name;
    if (!cluster) throw new Error('no Cluster in tenant-acme to open');
    return `/t/acme/clusters/${cluster}`;
  },
  resources: new Set([
    'clusters',
    'kamajicontrolplanes',
    'machinedeployments',
    'machines',
    'events',
    'selfsubjectaccessreviews',
  ]),
};

const vmResources = new Set([
  'virtualmachines',
  'virtualmachineinstances',
  'namespaces',
  'selfsubjectaccessreviews',
]);

/** oscar opens the operator's VM list (every tenant's VMs). */
export const operatorVms: PageTarget = {
  label: 'operator VM list',
  email: 'oscar@ops.example',
  password: 'oscar-demo',
  path: () => Promise.resolve('/console/vms'),
  resources: vmResources,
};

/** oscar opens the VM list of the scale seed's tenant with a tenth of the VMs. */
export const tenantVms: PageTarget = {
  label: `tenant VM list (${BIG_TENANT})`,
  email: 'oscar@ops.example',
  password: 'oscar-demo',
  path: () => Promise.resolve(`/t/${BIG_TENANT}/virtualmachines`),
  resources: vmResources,
};

const QUIET_MS = 1000;
/** Subscriptions register after the stream is live; never read the counters sooner than this. */
const MIN_AFTER_LIVE_MS = 2000;

const FIGURES = ['list', 'watch', 'ssar', 'get', 'other'] as const;
type Figure = (typeof FIGURES)[number];
type Counts = Record<Figure, number>;
type CrossCheck = Pick<Counts, 'list' | 'watch' | 'ssar'>;

export interface PageRequests {
  target: PageTarget;
  path: string;
  loads: number;
  /** Median per load, per verb (APF per-user counters). */
  median: Counts;
  perLoad: Counts[];
  /** Median per load from apiserver_request_total for the page's resources, minus idle baseline. */
  crossCheck: CrossCheck;
  /** Requests by the same identities while no page was open (should be 0). */
  idleByUser: number;
}

const schemaName = (f: Figure) => `stratus-bench-page-${f}`;

/** One FlowSchema per figure, in precedence order: the first match wins. */
function flowSchemas(user: string): KubernetesObject[] {
  const all = { apiGroups: ['*'], resources: ['*'], clusterScope: true, namespaces: ['*'] };
  const rules: Record<Figure, object> = {
    list: { resourceRules: [{ verbs: ['list'], ...all }] },
    watch: { resourceRules: [{ verbs: ['watch'], ...all }] },
    ssar: {
      resourceRules: [
        {
          verbs: ['create'],
          apiGroups: ['authorization.k8s.io'],
          resources: ['selfsubjectaccessreviews'],
          clusterScope: true,
        },
      ],
    },
    get: { resourceRules: [{ verbs: ['get'], ...all }] },
    other: {
      resourceRules: [{ verbs: ['*'], ...all }],
      nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
    },
  };
  const subjects = [
    { kind: 'User', user: { name: user } },
    { kind: 'User', user: { name: 'stratus-dashboard' } },
  ];
  return FIGURES.map((f, i) => ({
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1',
    kind: 'FlowSchema',
    metadata: { name: schemaName(f), labels: { 'stratus.dev/bench': 'page-requests' } },
    spec: {
      priorityLevelConfiguration: { name: 'global-default' },
      matchingPrecedence: 20 + i,
      distinguisherMethod: { type: 'ByUser' },
      rules: [{ subjects, ...rules[f] }],
    },
  })) as KubernetesObject[];
}

/** Waits until the API server's APF controller has taken the FlowSchemas in (status written). */
async function flowSchemasActive(objects: KubernetesObjectApi): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (const f of FIGURES) {
    for (;;) {
      const fs = (await objects.read({
        apiVersion: 'flowcontrol.apiserver.k8s.io/v1',
        kind: 'FlowSchema',
        metadata: { name: schemaName(f) },
      })) as KubernetesObject & { status?: { conditions?: { type: string; status: string }[] } };
      const dangling = fs.status?.conditions?.find((c) => c.type === 'Dangling');
      if (dangling?.status === 'False') break;
      if (Date.now() > deadline) throw new Error(`FlowSchema ${schemaName(f)} was not taken in`);
      await sleep(200);
    }
  }
}

interface Snapshot {
  byUser: Counts;
  byResource: CrossCheck;
}

function parseSamples(text: string, metric: string): { labels: Map<string, string>; v: number }[] {
  const out: { labels: Map<string, string>; v: number }[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${metric}{`)) continue;
    const close = line.lastIndexOf('}');
    const labels = new Map<string, string>();
    for (const m of line.slice(metric.length + 1, close).matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
      labels.set(m[1] ?? '', m[2] ?? '');
    out.push({
      labels,
      v: Number(
        line
          .slice(close + 1)
          .trim()
          .split(/\s+/)[0],
      ),
    });
  }
  return out;
}

async function snapshot(kc: KubeConfig, resources: Set<string>): Promise<Snapshot> {
  const res = await rawGet(kc, '/metrics');
  if (res.status !== 200) throw new Error(`GET /metrics answered ${res.status}`);
  const byUser: Counts = { list: 0, watch: 0, ssar: 0, get: 0, other: 0 };
  for (const s of parseSamples(res.body, 'apiserver_flowcontrol_dispatched_requests_total')) {
    const f = FIGURES.find((x) => schemaName(x) === s.labels.get('flow_schema'));
    if (f) byUser[f] += s.v;
  }
  const byResource: CrossCheck = { list: 0, watch: 0, ssar: 0 };
  for (const s of parseSamples(res.body, 'apiserver_request_total')) {
    const resource = s.labels.get('resource') ?? '';
    if (!resources.has(resource) || s.labels.get('subresource')) continue;
    const verb = s.labels.get('verb');
    if (verb === 'LIST') byResource.list += s.v;
    else if (verb === 'WATCH') byResource.watch += s.v;
    else if (verb === 'POST' && resource === 'selfsubjectaccessreviews') byResource.ssar += s.v;
  }
  return { byUser, byResource };
}

function minus<T extends Record<string, number>>(a: T, b: T): T {
  return Object.fromEntries(Object.keys(a).map((k) => [k, (a[k] ?? 0) - (b[k] ?? 0)])) as T;
}

const sum = (c: Record<string, number>) => Object.values(c).reduce((s, v) => s + v, 0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls until `value` of a snapshot has not changed for QUIET_MS and at least `minMs` passed. After
 * `giveUpMs` it returns the last snapshot if given (counters others keep moving), else throws.
 */
async function settled(
  kc: KubeConfig,
  resources: Set<string>,
  value: (s: Snapshot) => number,
  minMs: number,
  giveUpMs?: number,
): Promise<Snapshot> {
  const start = Date.now();
  let last = await snapshot(kc, resources);
  let changedAt = Date.now();
  for (;;) {
    await sleep(200);
    const s = await snapshot(kc, resources);
    if (value(s) !== value(last)) changedAt = Date.now();
    last = s;
    const now = Date.now();
    if (now - changedAt >= QUIET_MS && now - start >= minMs) return last;
    if (giveUpMs !== undefined && now - start > giveUpMs) return last;
    if (now - start > 60_000) throw new Error('the request counters never settled');
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

function medianOf<T extends Record<string, number>>(rows: T[]): T {
  const first = rows[0];
  if (!first) throw new Error('no samples');
  return Object.fromEntries(
    Object.keys(first).map((k) => [k, median(rows.map((r) => r[k] ?? NaN))]),
  ) as T;
}

export async function pageRequests({
  profile = 'test',
  app = appUrlOf(profile),
  loads = 5,
  target = clusterDetail,
}: {
  profile?: ProfileName;
  app?: string;
  loads?: number;
  target?: PageTarget;
} = {}): Promise<PageRequests> {
  const kc = adminOf(profile);
  const objects = KubernetesObjectApi.makeApiClient(kc);
  const path = await target.path(objects);
  const res = target.resources;
  const snap = () => snapshot(kc, res);

  const user = `${process.env.STRATUS_OIDC_USER_PREFIX ?? 'oidc:'}${target.email}`;
  const schemas = flowSchemas(user);
  await applyAll(kc, schemas, 'stratus-bench');
  const b = await browser();
  try {
    await flowSchemasActive(objects);
    const ctx = await signedIn(b, target.email, target.password, app);
    // Whatever the sign-in's landing page started has finished before the first load.
    await settled(kc, res, (s) => sum(s.byUser), QUIET_MS, 20_000);

    const perLoad: Counts[] = [];
    const cross: CrossCheck[] = [];
    let idleByUser = 0;
    for (let i = 0; i < loads; i++) {
      const before = await snap();
      const t0 = Date.now();
      const page = await ctx.newPage();
      await page.goto(path);
      await page.locator('[data-testid="live-status"][data-status="live"]').waitFor();
      // A page that never goes quiet is counted over 30 s (its per-load figures then show it).
      const loaded = await settled(kc, res, (s) => sum(s.byUser), MIN_AFTER_LIVE_MS, 30_000);
      perLoad.push(minus(loaded.byUser, before.byUser));
      await page.close();
      // apiserver_request_total counts a WATCH when it ends: wait for the closed page's watches.
      const closed = await settled(kc, res, (s) => sum(s.byResource), QUIET_MS, 10_000);
      const duration = Date.now() - t0;
      // The same length of time with no page open: what the simulator and controllers add.
      const idleStart = await snap();
      await sleep(duration);
      const idleEnd = await snap();
      idleByUser += sum(minus(idleEnd.byUser, idleStart.byUser));
      cross.push(
        minus(
          minus(closed.byResource, before.byResource),
          minus(idleEnd.byResource, idleStart.byResource),
        ),
      );
    }
    await ctx.close();
    return {
      target,
      path,
      loads,
      median: medianOf(perLoad),
      perLoad,
      crossCheck: medianOf(cross),
      idleByUser,
    };
  } finally {
    await b.close();
    for (const o of schemas) await objects.delete(o).catch(() => {});
  }
}

export function pageRequestsReport(r: PageRequests): string {
  const { list, watch, ssar, get, other } = r.median;
  const c = r.crossCheck;
  const loads = r.perLoad.map((x) => `${x.list}/${x.watch}/${x.ssar}/${x.get}/${x.other}`);
  return [
    `${r.target.label} load: LIST ${list}, WATCH ${watch}, SelfSubjectAccessReview ${ssar} (also GET ${get}, other ${other}) ` +
      `(median of ${r.loads} loads of ${r.path}; method: exact per-user counts, ` +
      `temporary FlowSchemas matching ${r.target.email}'s impersonated requests, apiserver_flowcontrol_dispatched_requests_total)`,
    `  per load LIST/WATCH/SSAR/GET/other: ${loads.join(', ')}; same identities while idle: ${r.idleByUser}`,
    `  cross-check, apiserver_request_total for ${[...r.target.resources].join(', ')} minus an idle baseline of the same length: ` +
      `LIST ${c.list}, WATCH ${c.watch}, SelfSubjectAccessReview ${c.ssar}`,
  ].join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      profile: { type: 'string', default: 'test' },
      app: { type: 'string' },
      loads: { type: 'string', default: '5' },
    },
  });
  const profile = values.profile as ProfileName;
  if (profile !== 'demo' && profile !== 'test')
    throw new Error(`unknown profile "${profile}" (demo or test)`);
  const r = await pageRequests({
    profile,
    app: values.app ?? appUrlOf(profile),
    loads: Number(values.loads),
  });
  console.log(pageRequestsReport(r));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
