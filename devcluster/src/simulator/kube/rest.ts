// A small JSON client over node:https for the dev-only seed, simulator and tests. client-node's
// typed APIs don't cover custom resources' /status or impersonation, so raw requests are simpler.
import https from 'node:https';

import type { KubeConfig } from '@kubernetes/client-node';

import { caOf } from '../../kube.ts';
import type { KObj, KList, WatchEvent } from './types.ts';

export interface Impersonation {
  user: string;
  groups?: string[];
}

export interface RestOptions {
  userAgent?: string;
  /** Sent as Impersonate-User / Impersonate-Group; the credential must be allowed to impersonate. */
  impersonate?: Impersonation;
  /** Field manager for writes (SSA needs one; merge patches record it too). */
  fieldManager?: string;
}

type Query = Record<string, string | number | boolean | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  contentType?: string;
  timeoutMs?: number;
}

/** The API server's Status body, as returned with every error. */
export interface StatusBody {
  kind?: string;
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: { causes?: { reason?: string; message?: string; field?: string }[] };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly body?: StatusBody,
  ) {
    super(message);
  }
}

export const isStatus = (err: unknown, ...codes: number[]): err is ApiError =>
  err instanceof ApiError && codes.includes(err.status);

export class Rest {
  private readonly server: URL;
  private readonly agent: https.Agent;
  /** Watches hold their connection for minutes: their own pool, so they never starve writes. */
  private readonly watchAgent: https.Agent;
  private readonly token: string | undefined;

  constructor(
    kc: KubeConfig,
    private readonly opts: RestOptions = {},
  ) {
    const cluster = kc.getCurrentCluster();
    const user = kc.getCurrentUser();
    if (!cluster) throw new Error('kubeconfig has no current cluster');
    const ca = caOf(cluster);
    this.server = new URL(cluster.server);
    this.agent = new https.Agent({ keepAlive: true, ca, maxSockets: 32 });
    this.watchAgent = new https.Agent({ keepAlive: true, ca });
    this.token = user?.token;
  }

  private headers(extra: Record<string, string>): Record<string, string | string[]> {
    const h: Record<string, string | string[]> = {
      Accept: 'application/json',
      'User-Agent': this.opts.userAgent ?? 'stratus-devcluster',
      ...extra,
    };
    if (this.token) h.Authorization = `Bearer ${this.token}`;
    const imp = this.opts.impersonate;
    if (imp) {
      h['Impersonate-User'] = imp.user;
      if (imp.groups?.length) h['Impersonate-Group'] = imp.groups;
    }
    return h;
  }

  private url(path: string, query?: Query): URL {
    const u = new URL(path, this.server);
    for (const [k, v] of Object.entries(query ?? {}))
      if (v !== undefined) u.searchParams.set(k, String(v));
    return u;
  }

  request<T>(method: string, path: string, o: RequestOptions = {}): Promise<T> {
    const body = o.body === undefined ? undefined : JSON.stringify(o.body);
    // Content-Length always: Node frames DELETE bodies neither chunked nor sized, and the server
    // would read them as the start of the next request on the kept-alive socket.
    const headers = this.headers(
      body
        ? {
            'Content-Type': o.contentType ?? 'application/json',
            'Content-Length': String(Buffer.byteLength(body)),
          }
        : {},
    );
    return new Promise<T>((resolve, reject) => {
      const req = https.request(
        this.url(path, o.query),
        { method, agent: this.agent, headers, timeout: o.timeoutMs ?? 30_000 },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => {
            const code = res.statusCode ?? 0;
            if (code >= 200 && code < 300) {
              resolve((text ? JSON.parse(text) : undefined) as T);
              return;
            }
            let status: StatusBody | undefined;
            try {
              status = JSON.parse(text) as StatusBody;
            } catch {
              status = undefined;
            }
            const msg = status?.message ?? (text.trim() || `HTTP ${code}`);
            reject(new ApiError(code, status?.reason ?? '', `${method} ${path}: ${msg}`, status));
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path}: timeout`)));
      req.on('error', reject);
      if (body) req.write(body);
      req.end();
    });
  }

  get<T extends KObj>(path: string, query?: Query): Promise<T> {
    return this.request<T>('GET', path, { query });
  }

  /** GET that resolves to undefined on 404. */
  async find<T extends KObj>(path: string): Promise<T | undefined> {
    try {
      return await this.get<T>(path);
    } catch (err) {
      if (isStatus(err, 404)) return undefined;
      throw err;
    }
  }

  list<T extends KObj>(path: string, query?: Query): Promise<KList<T>> {
    return this.request<KList<T>>('GET', path, { query });
  }

  create<T extends KObj>(path: string, body: KObj): Promise<T> {
    return this.request<T>('POST', path, { body, query: { fieldManager: this.opts.fieldManager } });
  }

  mergePatch<T extends KObj>(path: string, patch: unknown): Promise<T> {
    return this.request<T>('PATCH', path, {
      body: patch,
      contentType: 'application/merge-patch+json',
      query: { fieldManager: this.opts.fieldManager },
    });
  }

  apply<T extends KObj>(path: string, body: KObj, force = true): Promise<T> {
    return this.request<T>('PATCH', path, {
      body,
      contentType: 'application/apply-patch+yaml',
      query: { fieldManager: this.opts.fieldManager ?? 'stratus-devcluster', force },
    });
  }

  /** DELETE that treats 404 as done. Background propagation, like kubectl. */
  async delete(path: string, propagationPolicy = 'Background'): Promise<void> {
    try {
      await this.request('DELETE', path, {
        body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy },
      });
    } catch (err) {
      if (!isStatus(err, 404)) throw err;
    }
  }

  /**
   * Streams a watch; calls onEvent per line and resolves when the server ends the stream.
   * Rejects on HTTP errors so the caller can re-list (e.g. 410 Gone).
   */
  watch<T extends KObj>(
    path: string,
    query: Query,
    onEvent: (ev: WatchEvent<T>) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const headers = this.headers({});
    return new Promise<void>((resolve, reject) => {
      const req = https.request(
        this.url(path, { ...query, watch: true }),
        { method: 'GET', agent: this.watchAgent, headers, signal },
        (res) => {
          if ((res.statusCode ?? 0) >= 300) {
            let text = '';
            res.on('data', (c: Buffer) => (text += c.toString()));
            res.on('end', () =>
              reject(new ApiError(res.statusCode ?? 0, '', `watch ${path}: ${text.trim()}`)),
            );
            return;
          }
          let buf = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buf += chunk;
            let nl: number;
            while ((nl = buf.indexOf('\n')) >= 0) {
              const line = buf.slice(0, nl).trim();
              buf = buf.slice(nl + 1);
              if (line) onEvent(JSON.parse(line) as WatchEvent<T>);
            }
          });
          res.on('end', resolve);
          res.on('error', reject);
          res.on('aborted', () => resolve());
        },
      );
      req.on('error', (err) => (signal.aborted ? resolve() : reject(err)));
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
    this.watchAgent.destroy();
  }
}
