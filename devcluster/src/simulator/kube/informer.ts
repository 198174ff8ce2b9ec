// List + watch with a local cache, like client-go's informer: the simulator reacts to changes
// instead of polling. Re-lists on 410 Gone and after errors, emitting the differences.
import { isStatus, type Rest } from './rest.ts';
import { keyOf, pathOf, type KObj, type Resource, type WatchEvent } from './types.ts';

export type Handler<T extends KObj> = (obj: T, old: T | undefined, deleted: boolean) => void;

export interface InformerOptions {
  labelSelector?: string;
  fieldSelector?: string;
}

export class Informer<T extends KObj = KObj> {
  private readonly cache = new Map<string, T>();
  private readonly handlers: Handler<T>[] = [];
  private readonly abort = new AbortController();
  /** False when the API server doesn't serve the kind (its CRD isn't installed). */
  available = true;

  constructor(
    private readonly rest: Rest,
    readonly res: Resource,
    private readonly opts: InformerOptions = {},
    private readonly log: (msg: string) => void = () => {},
  ) {}

  on(handler: Handler<T>): this {
    this.handlers.push(handler);
    return this;
  }

  get(namespace: string | undefined, name: string): T | undefined {
    return this.cache.get(namespace && this.res.namespaced ? `${namespace}/${name}` : name);
  }

  list(namespace?: string): T[] {
    const all = [...this.cache.values()];
    return namespace ? all.filter((o) => o.metadata.namespace === namespace) : all;
  }

  /** Resolves once the initial list is cached; the watch keeps running in the background. */
  async start(): Promise<void> {
    let rv: string;
    try {
      rv = await this.relist();
    } catch (err) {
      if (isStatus(err, 404)) {
        this.available = false;
        this.log(`${this.res.kind} (${this.res.group || 'core'}) is not served; skipping it`);
        return;
      }
      throw err;
    }
    void this.loop(rv);
  }

  /** Hands every cached object to the handlers, for handlers registered after start(). */
  replay(): void {
    for (const obj of this.cache.values()) this.emit(obj, undefined, false);
  }

  stop(): void {
    this.abort.abort();
  }

  private query() {
    return { labelSelector: this.opts.labelSelector, fieldSelector: this.opts.fieldSelector };
  }

  /**
   * Lists, retrying while kube-apiserver says it can't yet (a just-established CRD's storage
   * "is (re)initializing", 429/503/504): transient at start-up, not a reason to exit.
   */
  private async relist(): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.listOnce();
      } catch (err) {
        if (!isStatus(err, 429, 500, 503, 504) || attempt >= 30) throw err;
        await new Promise((r) => setTimeout(r, Math.min(2_000, 100 * 2 ** attempt)));
      }
    }
  }

  private async listOnce(): Promise<string> {
    const list = await this.rest.list<T>(pathOf(this.res), this.query());
    const seen = new Set<string>();
    for (const obj of list.items) {
      const key = keyOf(obj);
      seen.add(key);
      const old = this.cache.get(key);
      if (old?.metadata.resourceVersion === obj.metadata.resourceVersion) continue;
      this.cache.set(key, obj);
      this.emit(obj, old, false);
    }
    for (const [key, old] of this.cache) {
      if (!seen.has(key)) {
        this.cache.delete(key);
        this.emit(old, old, true);
      }
    }
    return list.metadata.resourceVersion ?? '';
  }

  private async loop(startRv: string): Promise<void> {
    let rv = startRv;
    let backoff = 250;
    while (!this.abort.signal.aborted) {
      let gone = false;
      try {
        await this.rest.watch<T>(
          pathOf(this.res),
          { ...this.query(), resourceVersion: rv, allowWatchBookmarks: true, timeoutSeconds: 240 },
          (ev: WatchEvent<T>) => {
            if (ev.type === 'ERROR') {
              gone = true;
              return;
            }
            const next = ev.object.metadata.resourceVersion;
            if (next) rv = next;
            if (ev.type === 'BOOKMARK') return;
            this.apply(ev);
          },
          this.abort.signal,
        );
        backoff = 250;
      } catch (err) {
        if (this.abort.signal.aborted) return;
        gone = gone || isStatus(err, 410);
        this.log(`watch ${this.res.plural} failed: ${(err as Error).message}`);
        await new Promise((r) => setTimeout(r, backoff));
        backoff = Math.min(backoff * 2, 5000);
      }
      if (gone && !this.abort.signal.aborted) {
        try {
          rv = await this.relist();
        } catch (err) {
          this.log(`relist ${this.res.plural} failed: ${(err as Error).message}`);
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    }
  }

  private apply(ev: WatchEvent<T>): void {
    const key = keyOf(ev.object);
    const old = this.cache.get(key);
    if (ev.type === 'DELETED') {
      this.cache.delete(key);
      this.emit(ev.object, old, true);
    } else {
      this.cache.set(key, ev.object);
      this.emit(ev.object, old, false);
    }
  }

  private emit(obj: T, old: T | undefined, deleted: boolean): void {
    for (const h of this.handlers) {
      try {
        h(obj, old, deleted);
      } catch (err) {
        this.log(`handler for ${this.res.plural} threw: ${(err as Error).stack ?? String(err)}`);
      }
    }
  }
}
