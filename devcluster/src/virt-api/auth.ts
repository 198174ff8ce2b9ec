// Who is asking, as virt-api learns it behind the aggregator (pkg/virt-api/rest/authorizer.go):
// only kube-apiserver's front-proxy client certificate may name a person, in X-Remote-* headers,
// and virt-api then asks RBAC again with a SubjectAccessReview.
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

export const FRONT_PROXY_CN = 'front-proxy-client';

/** Discovery and health need no person (upstream's noAuthEndpoints). */
const open = new Set([
  '/',
  '/apis',
  '/healthz',
  '/openapi/v2',
  '/openapi/v3',
  ...['v1', 'v1alpha3'].flatMap((v) => [
    `/apis/subresources.kubevirt.io/${v}`,
    `/apis/subresources.kubevirt.io/${v}/version`,
    `/apis/subresources.kubevirt.io/${v}/healthz`,
    `/openapi/v3/apis/subresources.kubevirt.io/${v}`,
  ]),
]);

export const isOpenPath = (path: string): boolean => open.has(path);

export interface Person {
  user: string;
  groups: string[];
  extra: Record<string, string[]>;
}

export type Refusal = { refused: string };

/** The TLS peer must hold a certificate from the front-proxy CA issued to front-proxy-client. */
export function checkPeer(socket: TLSSocket): Refusal | undefined {
  if (!socket.authorized) return { refused: 'request is not authenticated' };
  const cn = socket.getPeerCertificate().subject?.CN;
  if (cn !== FRONT_PROXY_CN) return { refused: 'request is not authenticated' };
  return undefined;
}

export function personOf(headers: IncomingMessage['headersDistinct']): Person | Refusal {
  const user = headers['x-remote-user']?.[0];
  if (!user) return { refused: 'a valid user header is required for authorization' };
  const groups = headers['x-remote-group'];
  if (!groups) return { refused: 'a valid group header is required for authorization' };
  const extra: Record<string, string[]> = {};
  const prefix = 'x-remote-extra-';
  for (const [k, v] of Object.entries(headers))
    if (k.startsWith(prefix) && v) extra[safeUnescape(k.slice(prefix.length))] = v;
  return { user, groups, extra };
}

function safeUnescape(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export interface AccessReview {
  apiVersion: 'authorization.k8s.io/v1';
  kind: 'SubjectAccessReview';
  spec: Record<string, unknown>;
}

/** The SubjectAccessReview virt-api sends for /apis/<g>/<v>/namespaces/<ns>/<res>/<name>/<sub...>. */
export function accessReview(person: Person, method: string, path: string): AccessReview | Refusal {
  const parts = path.split('/');
  if (parts.length < 9) return { refused: `unknown api endpoint: ${path}` };
  const [, , group, version, , namespace, resource, name] = parts;
  if (resource !== 'virtualmachineinstances' && resource !== 'virtualmachines')
    return { refused: `unknown resource type ${resource ?? ''}` };
  const subresource = parts[8] === 'portforward' ? 'portforward' : parts.slice(8).join('/');
  const verb = verbOf(method);
  if (!verb) return { refused: `unknown http verb in request: ${method}` };
  return {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SubjectAccessReview',
    spec: {
      user: person.user,
      groups: person.groups,
      extra: person.extra,
      resourceAttributes: { namespace, verb, group, version, resource, subresource, name },
    },
  };
}

function verbOf(method: string): string | undefined {
  return (
    {
      POST: 'create',
      GET: 'get',
      HEAD: 'get',
      PUT: 'update',
      PATCH: 'patch',
      DELETE: 'delete',
    } as Record<string, string>
  )[method.toUpperCase()];
}
