// How the seed writes: server-side apply for platform objects (re-asserted on every start),
// create-if-missing for tenant workloads (a demo user's changes survive a restart), and status via
// the /status subresource. Kinds the cluster doesn't serve (CRD not installed) are skipped, loudly.
import type { KubeConfig, KubernetesObject } from '@kubernetes/client-node';

import { applyAll, loadKubeconfig } from '../kube.ts';
import { isStatus, Rest } from '../simulator/kube/rest.ts';
import type { KObj } from '../simulator/kube/types.ts';

export const FIELD_MANAGER = 'stratus-seed';

interface ApiResource {
  name: string;
  kind: string;
  namespaced: boolean;
}

export class SeedClient {
  readonly kc: KubeConfig;
  readonly rest: Rest;
  private readonly discovery = new Map<string, Promise<ApiResource[]>>();
  private readonly warned = new Set<string>();

  constructor(
    kubeconfigFile: string,
    private readonly log: (msg: string) => void,
  ) {
    this.kc = loadKubeconfig(kubeconfigFile);
    this.rest = new Rest(this.kc, { userAgent: 'stratus-seed', fieldManager: FIELD_MANAGER });
  }

  private resources(apiVersion: string): Promise<ApiResource[]> {
    let p = this.discovery.get(apiVersion);
    if (!p) {
      const path = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
      p = this.rest
        .request<{ resources: ApiResource[] }>('GET', path)
        .then((l) => l.resources.filter((r) => !r.name.includes('/')))
        .catch((err: unknown) => {
          if (isStatus(err, 404)) return [];
          throw err;
        });
      this.discovery.set(apiVersion, p);
    }
    return p;
  }

  private async resourceOf(obj: KObj): Promise<ApiResource | undefined> {
    return (await this.resources(obj.apiVersion ?? '')).find((r) => r.kind === obj.kind);
  }

  /** REST path of an object (or its subresource), from discovery. */
  async pathOf(obj: KObj, sub?: string): Promise<string> {
    const r = await this.resourceOf(obj);
    if (!r) throw new Error(`${obj.apiVersion} ${obj.kind} is not served`);
    const v = obj.apiVersion ?? '';
    const base = v.includes('/') ? `/apis/${v}` : `/api/${v}`;
    const ns = r.namespaced ? `/namespaces/${obj.metadata.namespace ?? 'default'}` : '';
    return `${base}${ns}/${r.name}/${obj.metadata.name}${sub ? `/${sub}` : ''}`;
  }

  /** Drops objects of kinds the cluster doesn't serve, saying so once per kind. */
  async served<T extends KObj>(objs: T[]): Promise<T[]> {
    const out: T[] = [];
    for (const o of objs) {
      if (await this.resourceOf(o)) out.push(o);
      else {
        const id = `${o.apiVersion} ${o.kind}`;
        if (!this.warned.has(id)) {
          this.warned.add(id);
          this.log(`skipping ${o.kind} objects: ${o.apiVersion} is not served (CRD not installed)`);
        }
      }
    }
    return out;
  }

  async apply(objs: KObj[]): Promise<void> {
    const ok = await this.served(objs);
    await applyAll(this.kc, ok as unknown as KubernetesObject[], FIELD_MANAGER);
  }

  /** Creates what is missing and leaves existing objects alone. */
  async createMissing(objs: KObj[]): Promise<void> {
    for (const o of await this.served(objs)) {
      const path = await this.pathOf(o);
      const collection = path.slice(0, path.lastIndexOf('/'));
      try {
        await this.rest.create(collection, o);
      } catch (err) {
        if (isStatus(err, 409)) continue;
        // A tenant may have used its quota since the first seed; its choices win over the demo's.
        if (isStatus(err, 403)) {
          this.log(
            `not recreating ${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}: refused (${(err as Error).message})`,
          );
          continue;
        }
        throw err;
      }
    }
  }

  /**
   * Writes status through /status. With `unlessSet`, only while that status field is still empty:
   * state the simulator moves on (e.g. a remediation finishing) isn't reset by the next start.
   */
  async status(
    obj: KObj,
    status: Record<string, unknown>,
    opts: { unlessSet?: string } = {},
  ): Promise<void> {
    if (!(await this.resourceOf(obj))) return;
    const path = await this.pathOf(obj);
    if (opts.unlessSet) {
      const cur = await this.rest.get<KObj>(path);
      const v = (cur.status as Record<string, unknown> | undefined)?.[opts.unlessSet];
      if (v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)) return;
    }
    await this.rest.mergePatch(`${path}/status`, { status });
  }

  async get<T extends KObj>(obj: KObj): Promise<T | undefined> {
    if (!(await this.resourceOf(obj))) return undefined;
    return this.rest.find<T>(await this.pathOf(obj));
  }

  close(): void {
    this.rest.close();
  }
}

/** Days before `now` as an RFC 3339 timestamp (seconds). */
export function daysAgo(now: Date, days: number, minutes = 0): string {
  return new Date(now.getTime() - days * 86_400_000 - minutes * 60_000)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
}
