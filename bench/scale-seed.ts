// The scale seed: 50 tenants, 2,000 VMs, 500 tenant clusters, 5,000 volumes (PVC + bound PV),
// 200 HelmReleases and 100 kwok nodes at factor 1, created through the Kubernetes API as cluster
// admin. Idempotent: what exists (found by the stratus.dev/scale label) is left alone, so a re-run
// creates nothing. `--remove` deletes everything it made.
//
//   npm run bench:seed -- [--factor 1] [--only vms,...] [--concurrency 16] [--profile test] [--remove]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { files, profile, type ProfileName } from '../devcluster/src/config';
import { SeedClient } from '../devcluster/src/seed/client';
import { isStatus } from '../devcluster/src/simulator/kube/rest';
import type { KObj } from '../devcluster/src/simulator/kube/types';
import {
  KINDS,
  SCALE_LABEL,
  scaleObjects,
  type Counts,
  type Kind,
  type Seeded,
} from './scale-objects';

type Log = (line: string) => void;

/** Runs fn over items, at most `limit` at a time. */
export async function pool<T>(items: T[], limit: number, fn: (t: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      if (item !== undefined) await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Made alongside the counted objects (a tenant's RoleBindings, a claim's PV), not counted. */
const companions = new Set(['RoleBinding', 'PersistentVolume']);
const keyOf = (o: KObj) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
const typeOf = (o: KObj) => `${o.apiVersion} ${o.kind}`;

/** The kind's collection across all namespaces, e.g. /apis/kubevirt.io/v1/virtualmachines. */
async function collectionOf(c: SeedClient, o: KObj): Promise<string> {
  const p = await c.pathOf(o);
  return p.slice(0, p.lastIndexOf('/')).replace(/\/namespaces\/[^/]+/, '');
}

/** The scale objects that exist, with whether their status was written, by key. */
async function existing(c: SeedClient, sample: KObj): Promise<Map<string, KObj>> {
  const collection = await collectionOf(c, sample);
  const found = new Map<string, KObj>();
  let cont: string | undefined;
  do {
    const page = await c.rest.list<KObj>(collection, {
      labelSelector: SCALE_LABEL,
      limit: 500,
      continue: cont,
    });
    for (const o of page.items)
      found.set(keyOf({ ...o, kind: sample.kind, apiVersion: sample.apiVersion }), o);
    cont = page.metadata?.continue || undefined;
  } while (cont);
  return found;
}

/** Whether what the seed writes into status is there: its conditions (a CRD may default others). */
function statusWritten(cur: KObj | undefined, status: Record<string, unknown>): boolean {
  const first = 'conditions' in status ? 'conditions' : Object.keys(status)[0];
  const st = cur?.status as Record<string, unknown> | undefined;
  return !first || st?.[first] !== undefined;
}

export interface SeedResult {
  created: Counts;
  total: Counts;
  ms: number;
}

export async function scaleSeed(opts: {
  kubeconfig: string;
  factor: number;
  concurrency?: number;
  /** Only these kinds (and the tenants they live in), e.g. the VMs alone at factor 10. */
  only?: Kind[];
  log?: Log;
}): Promise<SeedResult> {
  const log = opts.log ?? (() => {});
  const c = new SeedClient(opts.kubeconfig, log);
  const t0 = Date.now();
  const plan = scaleObjects(opts.factor);
  const created = Object.fromEntries(KINDS.map((k) => [k, 0])) as Counts;
  const total = Object.fromEntries(KINDS.map((k) => [k, 0])) as Counts;
  try {
    for (const kind of Object.keys(plan) as Kind[]) {
      if (opts.only && kind !== 'tenants' && !opts.only.includes(kind)) continue;
      const items = plan[kind];
      total[kind] = items.filter((s) => !companions.has(s.obj.kind ?? '')).length;
      let done = 0;
      const tick = setInterval(() => log(`  ${kind}: ${done}/${items.length} objects`), 2000);
      try {
        // One type after another: a tenant's namespace exists before its RoleBindings.
        const byType = new Map<string, Seeded[]>();
        for (const s of items) byType.set(typeOf(s.obj), [...(byType.get(typeOf(s.obj)) ?? []), s]);
        for (const ofType of byType.values()) {
          const first = ofType[0];
          if (!first) continue;
          const present = await existing(c, first.obj);
          await pool(ofType, opts.concurrency ?? 16, async ({ obj, status }) => {
            let cur = present.get(keyOf(obj));
            if (!cur) {
              const p = await c.pathOf(obj);
              try {
                cur = await c.rest.create<KObj>(p.slice(0, p.lastIndexOf('/')), obj);
                if (!companions.has(obj.kind ?? '')) created[kind]++;
              } catch (err) {
                if (!isStatus(err, 409)) throw err;
                cur = undefined; // made meanwhile (or before its label): read its status below
              }
            }
            if (status && !statusWritten(cur ?? (await c.get(obj)), status))
              await c.status(obj, status);
            done++;
          });
        }
      } finally {
        clearInterval(tick);
      }
      log(
        `${kind}: ${total[kind]} (${created[kind]} created, ${total[kind] - created[kind]} there)`,
      );
    }
  } finally {
    c.close();
  }
  return { created, total, ms: Date.now() - t0 };
}

/** Deletes every scale object: the namespaces (and all in them), then the PVs and the nodes. */
export async function removeScale(kubeconfig: string, log: Log = () => {}): Promise<void> {
  const c = new SeedClient(kubeconfig, log);
  try {
    const q = { labelSelector: SCALE_LABEL };
    const namespaces = await c.rest.list<KObj>('/api/v1/namespaces', q);
    await pool(namespaces.items, 8, (n) => c.rest.delete(`/api/v1/namespaces/${n.metadata.name}`));
    for (const coll of ['/api/v1/persistentvolumes', '/api/v1/nodes'])
      // Thousands of volumes outlast the API server's 60 s per request (504); it goes on deleting.
      await c.rest.request('DELETE', coll, { query: q, timeoutMs: 90_000 }).catch((e: unknown) => {
        if (!isStatus(e, 504)) throw e;
        log(`${coll}: still deleting after the API server's request timeout`);
      });
    log(`removed ${namespaces.items.length} namespaces, their contents, the volumes and nodes`);
  } finally {
    c.close();
  }
}

export const kubeconfigOf = (name: ProfileName) => files(profile(name)).adminKubeconfig;

async function main() {
  const { values } = parseArgs({
    options: {
      factor: { type: 'string', default: '1' },
      concurrency: { type: 'string', default: '16' },
      profile: { type: 'string', default: 'test' },
      only: { type: 'string' },
      remove: { type: 'boolean', default: false },
    },
  });
  const name = values.profile as ProfileName;
  if (name !== 'demo' && name !== 'test') throw new Error(`unknown profile "${name}"`);
  const log: Log = (l) => console.log(l);
  if (values.remove) return removeScale(kubeconfigOf(name), log);
  const factor = Number(values.factor);
  const only = values.only?.split(',').map((k) => {
    if (!KINDS.includes(k as Kind)) throw new Error(`--only takes ${KINDS.join(', ')}; not "${k}"`);
    return k as Kind;
  });
  log(`scale seed ×${factor} into the ${name} cluster`);
  const r = await scaleSeed({
    kubeconfig: kubeconfigOf(name),
    factor,
    concurrency: Number(values.concurrency),
    only,
    log,
  });
  const made = KINDS.reduce((s, k) => s + r.created[k], 0);
  log(`done in ${(r.ms / 1000).toFixed(1)} s: ${made} objects created`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
