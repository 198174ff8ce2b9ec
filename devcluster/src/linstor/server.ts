// The HTTP side of the LINSTOR stand-in: the read endpoints the dashboard uses, with LINSTOR's
// answer shapes (JSON arrays; errors as a list of ApiCallRc). A bearer token guards everything
// but the version, as an authenticating proxy in front of a real controller would.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import {
  filterBy,
  nodesView,
  resourcesView,
  storagePoolsView,
  type Clocks,
  type Inputs,
} from './state.ts';

export const VERSION = {
  version: '1.31.3',
  git_hash: 'stratus-devcluster-stand-in',
  build_time: '2025-06-01T00:00:00+00:00',
  rest_api_version: '1.24.0',
};

/** LINSTOR's error shape: a list of return codes with a message (and a cause). */
export interface ApiCallRc {
  ret_code: number;
  message: string;
  cause?: string;
}

// MASK_ERROR | object bits, as LINSTOR's ApiConsts combine them (negative = error).
const FAIL_NOT_FOUND_NODE = -4611686018427387888;
const FAIL_NOT_FOUND_RSC_DFN = -4611686018427387885;
const FAIL_SIGN_IN = -4611686018427386906;

export interface Answer {
  code: number;
  body: unknown;
}

const rc = (code: number, ret: number, message: string, cause?: string): Answer => ({
  code,
  body: [{ ret_code: ret, message, ...(cause ? { cause } : {}) } satisfies ApiCallRc],
});

/** Repeated (?nodes=a&nodes=b) and comma-separated (?nodes=a,b) forms both count. */
const listParam = (q: URLSearchParams, name: string) =>
  q.getAll(name).flatMap((v) => v.split(',').filter(Boolean));

function page<T>(items: T[], q: URLSearchParams): T[] {
  const offset = Number(q.get('offset') ?? 0) || 0;
  const limit = Number(q.get('limit') ?? 0) || 0;
  return limit > 0 ? items.slice(offset, offset + limit) : items.slice(offset);
}

export function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer (.+)$/.exec(header ?? '');
  if (!m?.[1]) return false;
  const a = Buffer.from(m[1]);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface Source {
  inputs(): Inputs;
  clocks: Clocks;
  resyncMs: number;
}

/** Answers one GET; pure over the source's current inputs. */
export function answer(
  method: string,
  url: URL,
  authorization: string | undefined,
  token: string,
  src: Source,
  now = Date.now(),
): Answer {
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '/v1/controller/version') return { code: 200, body: VERSION };
  if (!tokenMatches(authorization, token))
    return rc(401, FAIL_SIGN_IN, 'Authentication required', 'No valid bearer token was sent');
  if (method !== 'GET') return rc(405, FAIL_SIGN_IN, `Method ${method} is not allowed here`);
  const q = url.searchParams;
  const inputs = src.inputs();
  const view = { now, resyncMs: src.resyncMs };
  if (path === '/v1/nodes')
    return {
      code: 200,
      body: page(
        filterBy(nodesView(inputs, src.clocks), listParam(q, 'nodes'), (n) => n.name),
        q,
      ),
    };
  const node = /^\/v1\/nodes\/([^/]+)$/.exec(path);
  if (node?.[1]) {
    const name = decodeURIComponent(node[1]);
    const found = nodesView(inputs, src.clocks).find(
      (n) => n.name.toLowerCase() === name.toLowerCase(),
    );
    return found
      ? { code: 200, body: found }
      : rc(404, FAIL_NOT_FOUND_NODE, `Node '${name}' not found.`);
  }
  if (path === '/v1/view/storage-pools') {
    let pools = storagePoolsView(inputs, src.clocks);
    pools = filterBy(pools, listParam(q, 'nodes'), (p) => p.node_name);
    pools = filterBy(pools, listParam(q, 'storage_pools'), (p) => p.storage_pool_name);
    return { code: 200, body: page(pools, q) };
  }
  if (path === '/v1/view/resources') {
    let res = resourcesView(inputs, src.clocks, view);
    res = filterBy(res, listParam(q, 'nodes'), (r) => r.node_name);
    res = filterBy(res, listParam(q, 'resources'), (r) => r.name);
    const pools = listParam(q, 'storage_pools');
    if (pools.length) {
      const want = new Set(pools.map((p) => p.toLowerCase()));
      res = res.filter((r) => r.volumes.some((v) => want.has(v.storage_pool_name.toLowerCase())));
    }
    return { code: 200, body: page(res, q) };
  }
  const rd = /^\/v1\/resource-definitions\/([^/]+)\/resources$/.exec(path);
  if (rd?.[1]) {
    const name = decodeURIComponent(rd[1]);
    const res = resourcesView(inputs, src.clocks, view).filter(
      (r) => r.name.toLowerCase() === name.toLowerCase(),
    );
    return res.length
      ? { code: 200, body: res }
      : rc(404, FAIL_NOT_FOUND_RSC_DFN, `Resource definition '${name}' not found.`);
  }
  return rc(404, FAIL_NOT_FOUND_RSC_DFN, `No such endpoint: ${path}`);
}

export function handle(
  req: IncomingMessage,
  res: ServerResponse,
  token: string,
  src: Source,
): void {
  const url = new URL(req.url ?? '/', 'https://linstor-controller');
  src.clocks.update(src.inputs().nodes, Date.now());
  const a = answer(req.method ?? 'GET', url, req.headers.authorization, token, src);
  const body = JSON.stringify(a.body);
  res.writeHead(a.code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}
