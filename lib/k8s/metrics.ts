import 'server-only';

import { metrics } from '../serving/metrics.mjs';

/** `pods`, `virtualmachines/start`: the resource (and subresource) an API path names. */
export function resourceOf(path: string): string {
  const parts = (path.split('?')[0] ?? '').split('/').filter(Boolean);
  // /api/v1/… or /apis/<group>/<version>/…
  let rest = parts[0] === 'api' ? parts.slice(2) : parts.slice(3);
  if (rest[0] === 'namespaces' && rest.length >= 3) rest = rest.slice(2);
  const [resource = parts[0] === 'api' || parts[0] === 'apis' ? 'discovery' : 'other', , sub] =
    rest;
  return sub ? `${resource}/${sub}` : resource;
}

function verbOf(method: string, path: string, resource: string): string {
  if (method !== 'GET') return method.toLowerCase();
  const parts = (path.split('?')[0] ?? '').split('/').filter(Boolean);
  const last = parts[parts.length - 1];
  // A GET ending in the resource's plural is a list; anything after it names an object.
  return last === resource.split('/')[0] ? 'list' : 'get';
}

/** Records one API-server request: latency by verb/resource/code, and failures. */
export function observeApiRequest(
  method: string,
  path: string,
  startedAt: number,
  outcome: number | 'timeout' | 'unreachable',
): void {
  const resource = resourceOf(path);
  const verb = verbOf(method, path, resource);
  const m = metrics();
  const code = typeof outcome === 'number' ? String(outcome) : outcome;
  m.apiserver.observe({ verb, resource, code }, (Date.now() - startedAt) / 1000);
  if (typeof outcome !== 'number' || outcome >= 500)
    m.apiserverErrors.inc({ verb, resource, reason: code });
}
