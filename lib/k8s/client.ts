import 'server-only';

import https from 'node:https';
import { readFileSync } from 'node:fs';

import { KubeConfig } from '@kubernetes/client-node';

import { KubeApiError, KubeTransportError, UnauthenticatedError, type StatusBody } from './errors';
import type { KubeIdentity } from './identity';
import { observeApiRequest } from './metrics';
import { resourcePath, type ResourceModel } from './models';
import type { KubeList, KubeObject, WatchEvent } from './types';

interface Transport {
  server: URL;
  agent: https.Agent;
  /** The dashboard's own credentials (token or client cert), applied under the impersonation headers. */
  authHeaders(): Promise<Record<string, string>>;
}

// The dashboard's connection settings are process-wide (one per kubeconfig); identities are per
// request (see kubeFor).
const transports = new Map<string, Transport>();

function loadTransport(file: string | undefined): Transport {
  const kc = new KubeConfig();
  if (file) kc.loadFromFile(file);
  else kc.loadFromCluster();
  const cluster = kc.getCurrentCluster();
  const user = kc.getCurrentUser();
  if (!cluster || !user) throw new Error('STRATUS_KUBECONFIG has no current cluster/user');
  const ca = cluster.caData
    ? Buffer.from(cluster.caData, 'base64')
    : cluster.caFile
      ? readFileSync(cluster.caFile)
      : undefined;
  const cert = user.certData
    ? Buffer.from(user.certData, 'base64')
    : user.certFile
      ? readFileSync(user.certFile)
      : undefined;
  const key = user.keyData
    ? Buffer.from(user.keyData, 'base64')
    : user.keyFile
      ? readFileSync(user.keyFile)
      : undefined;
  return {
    server: new URL(cluster.server),
    agent: new https.Agent({
      keepAlive: true,
      ca,
      cert,
      key,
      rejectUnauthorized: !cluster.skipTLSVerify,
      maxSockets: Infinity,
    }),
    async authHeaders() {
      // applyToFetchOptions re-reads rotating in-cluster tokens and exec/OIDC auth providers.
      const opts = await kc.applyToFetchOptions({});
      const out: Record<string, string> = {};
      (opts.headers as Headers | undefined)?.forEach((v, k) => {
        if (k.toLowerCase() === 'authorization') out.Authorization = v;
      });
      return out;
    },
  };
}

function getTransport(file = process.env.STRATUS_KUBECONFIG): Transport {
  let t = transports.get(file ?? '');
  if (!t) transports.set(file ?? '', (t = loadTransport(file)));
  return t;
}

export type IdentityMode = 'passthrough' | 'impersonation';

export interface ClientOptions {
  /** Default STRATUS_IDENTITY_MODE. */
  mode?: IdentityMode;
  /** The dashboard's kubeconfig; default STRATUS_KUBECONFIG (in-cluster without). */
  kubeconfig?: string;
  /** How long one call may go unanswered before it fails as a timeout; default 15 s. */
  timeoutMs?: number;
}

/** Refused: passthrough mode and no token to pass (never falls back to another identity). */
export class MissingTokenError extends UnauthenticatedError {}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  contentType?: string;
  timeoutMs?: number;
}

export type PatchType = 'merge' | 'json' | 'apply';
const patchContentType: Record<PatchType, string> = {
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
  apply: 'application/apply-patch+yaml',
};

export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** At most this many items; the list's metadata.continue says there are more. */
  limit?: number;
  /** The next page of a list that said metadata.continue (same snapshot as its first page). */
  continue?: string;
}

export class KubeClient {
  readonly mode: IdentityMode;

  /**
   * `identity` null only for the dashboard's own records (see kubeAsDashboard). People reach the
   * API server with their own ID token (passthrough) or, in the fallback mode, impersonated.
   */
  constructor(
    readonly identity: KubeIdentity | null,
    private readonly opts: ClientOptions = {},
  ) {
    this.mode =
      opts.mode ??
      (process.env.STRATUS_IDENTITY_MODE === 'impersonation' ? 'impersonation' : 'passthrough');
  }

  private transport(): Transport {
    return getTransport(this.opts.kubeconfig ?? process.env.STRATUS_KUBECONFIG);
  }

  private async headers(
    extra: Record<string, string> = {},
  ): Promise<Record<string, string | string[]>> {
    const id = this.identity;
    const base = { Accept: 'application/json', ...extra };
    if (id && this.mode === 'passthrough') {
      if (!id.token) throw new MissingTokenError();
      return { ...base, Authorization: `Bearer ${id.token}` };
    }
    return {
      ...base,
      ...(await this.transport().authHeaders()),
      ...(id ? { 'Impersonate-User': id.username } : {}),
      ...(id?.groups.length ? { 'Impersonate-Group': id.groups } : {}),
    };
  }

  async request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const t = this.transport();
    const url = new URL(path, t.server);
    for (const [k, v] of Object.entries(opts.query ?? {}))
      if (v !== undefined) url.searchParams.set(k, String(v));
    const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    // An explicit length: Node sends DELETE bodies neither chunked nor sized, so without it the
    // API server ignores the DeleteOptions (dryRun, preconditions) and misreads the next request.
    const headers = await this.headers(
      payload
        ? {
            'Content-Type': opts.contentType ?? 'application/json',
            'Content-Length': String(Buffer.byteLength(payload)),
          }
        : {},
    );
    const startedAt = Date.now();
    const settle = <V>(outcome: Parameters<typeof observeApiRequest>[3], done: () => V): V => {
      observeApiRequest(method, url.pathname, startedAt, outcome);
      return done();
    };
    return new Promise<T>((resolve, reject) => {
      const req = https.request(
        url,
        {
          method,
          agent: t.agent,
          headers,
          timeout: opts.timeoutMs ?? this.opts.timeoutMs ?? 15_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            let parsed: unknown;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              parsed = { message: text.slice(0, 200) };
            }
            settle(status, () => {
              if (status >= 200 && status < 300) resolve(parsed as T);
              else reject(new KubeApiError(status, (parsed ?? {}) as StatusBody));
            });
          });
          res.on('error', (e) =>
            settle('unreachable', () => reject(new KubeTransportError('unreachable', e))),
          );
        },
      );
      req.on('timeout', () => req.destroy(new KubeTransportError('timeout')));
      req.on('error', (e) => {
        const err = e instanceof KubeTransportError ? e : new KubeTransportError('unreachable', e);
        settle(err.kind, () => reject(err));
      });
      if (payload) req.write(payload);
      req.end();
    });
  }

  list<T extends KubeObject>(m: ResourceModel<T>, opts: ListOptions = {}): Promise<KubeList<T>> {
    return this.request('GET', resourcePath(m, opts.namespace), {
      query: {
        labelSelector: opts.labelSelector,
        fieldSelector: opts.fieldSelector,
        limit: opts.limit,
        continue: opts.continue,
      },
    });
  }

  get<T extends KubeObject>(
    m: ResourceModel<T>,
    namespace: string | undefined,
    name: string,
  ): Promise<T> {
    return this.request('GET', resourcePath(m, namespace, name));
  }

  create<T extends KubeObject>(
    m: ResourceModel<T>,
    obj: T,
    opts: { dryRun?: boolean } = {},
  ): Promise<T> {
    return this.request('POST', resourcePath(m, obj.metadata?.namespace), {
      body: obj,
      query: { dryRun: opts.dryRun ? 'All' : undefined, fieldManager: 'stratus' },
    });
  }

  patch<T extends KubeObject>(
    m: ResourceModel<T>,
    namespace: string | undefined,
    name: string,
    patch: unknown,
    type: PatchType = 'merge',
    opts: { dryRun?: boolean; subresource?: string } = {},
  ): Promise<T> {
    const path =
      resourcePath(m, namespace, name) + (opts.subresource ? `/${opts.subresource}` : '');
    return this.request('PATCH', path, {
      body: patch,
      contentType: patchContentType[type],
      query: {
        dryRun: opts.dryRun ? 'All' : undefined,
        fieldManager: 'stratus',
        force: type === 'apply' ? true : undefined,
      },
    });
  }

  delete(
    m: ResourceModel,
    namespace: string | undefined,
    name: string,
    opts: {
      dryRun?: boolean;
      propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
      uid?: string;
    } = {},
  ): Promise<unknown> {
    return this.request('DELETE', resourcePath(m, namespace, name), {
      body: {
        kind: 'DeleteOptions',
        apiVersion: 'v1',
        propagationPolicy: opts.propagationPolicy ?? 'Background',
        ...(opts.dryRun ? { dryRun: ['All'] } : {}),
        ...(opts.uid ? { preconditions: { uid: opts.uid } } : {}),
      },
    });
  }

  /**
   * Streams watch events until stopped or the server ends the watch. `onEnd` gets the reason:
   * undefined for a normal close, a KubeApiError (e.g. 410 Gone) or a transport error.
   */
  async watch(
    m: ResourceModel,
    opts: ListOptions & { resourceVersion: string; timeoutSeconds?: number },
    onEvent: (e: WatchEvent) => void,
    onEnd: (err?: Error) => void,
  ): Promise<() => void> {
    const t = this.transport();
    const url = new URL(resourcePath(m, opts.namespace), t.server);
    const query = {
      watch: 'true',
      allowWatchBookmarks: 'true',
      resourceVersion: opts.resourceVersion,
      timeoutSeconds: String(opts.timeoutSeconds ?? 240 + Math.floor(Math.random() * 60)),
      labelSelector: opts.labelSelector,
      fieldSelector: opts.fieldSelector,
    };
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, v);
    const headers = await this.headers();
    let ended = false;
    const end = (err?: Error) => {
      if (ended) return;
      ended = true;
      onEnd(err);
    };
    const req = https.get(url, { agent: t.agent, headers }, (res) => {
      if (res.statusCode !== 200) {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString('utf8')));
        res.on('end', () => {
          let body: StatusBody = {};
          try {
            body = JSON.parse(text) as StatusBody;
          } catch {
            /* not a Status */
          }
          end(new KubeApiError(res.statusCode ?? 0, body));
        });
        return;
      }
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          if (!line.trim()) continue;
          const ev = JSON.parse(line) as WatchEvent;
          // An in-stream ERROR carries a Status (410 Gone when our resourceVersion is too old).
          if (ev.type === 'ERROR') {
            const st = ev.object as StatusBody;
            end(new KubeApiError(st.code ?? 500, st));
            req.destroy();
            return;
          }
          onEvent(ev);
        }
      });
      res.on('end', () => end());
      res.on('error', (e) => end(new KubeTransportError('unreachable', e)));
    });
    req.on('error', (e) => end(new KubeTransportError('unreachable', e)));
    return () => {
      ended = true;
      req.destroy();
    };
  }
}

export function kubeFor(identity: KubeIdentity, opts?: ClientOptions): KubeClient {
  return new KubeClient(identity, opts);
}

/**
 * The dashboard's own identity, for its audit records and the few platform facts deploy/rbac lists
 * (stratus:dashboard): a record that names a person was written by the dashboard, not forged by a
 * tenant. It acts for nobody.
 */
export function kubeAsDashboard(): KubeClient {
  return new KubeClient(null);
}
