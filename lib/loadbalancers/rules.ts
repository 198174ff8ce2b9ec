// MetalLB's rules for a new or changed load balancer, checked before anything is written. Pure: the
// form runs them on what the page loaded, the server on what it reads as the person. MetalLB's
// controller still decides (internal/allocator/allocator.go); these catch what a person can fix.
import type { MessageKey } from '../i18n/messages';
import { canonicalIp, addressSet, containsIp } from './addresses';
import type { LoadBalancerInput, PortInput } from './schema';
import type { IpPoolObject, LabelSelector } from './types';

export interface NamespaceFacts {
  name: string;
  labels: Record<string, string>;
}

/** One of the tenant's own LoadBalancer Services, as the rules need it. */
export interface Holder {
  name: string;
  ips: string[];
  /** metallb.io/allow-shared-ip as written (namespace-prefixed). */
  sharingKey?: string;
  ports: Pick<PortInput, 'protocol' | 'port'>[];
  /** MetalLB's backend key: the selector under Local traffic policy, '' under Cluster. */
  backendKey: string;
}

export interface LbContext {
  namespace: NamespaceFacts;
  pools: IpPoolObject[];
  /** The tenant's LoadBalancer Services, the one being edited excluded. */
  holders: Holder[];
  vms: string[];
}

export interface RuleProblem {
  path: string;
  key: MessageKey;
}

export function selectorMatches(sel: LabelSelector, labels: Record<string, string>): boolean {
  const ok = Object.entries(sel.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  return (
    ok &&
    (sel.matchExpressions ?? []).every((e) => {
      const has = Object.hasOwn(labels, e.key);
      const value = labels[e.key] ?? '';
      switch (e.operator) {
        case 'In':
          return has && (e.values ?? []).includes(value);
        case 'NotIn':
          return !has || !(e.values ?? []).includes(value);
        case 'Exists':
          return has;
        case 'DoesNotExist':
          return !has;
        default:
          return false;
      }
    })
  );
}

/**
 * Whether a pool serves Services of this namespace (with these labels): spec.serviceAllocation's
 * namespaces and namespaceSelectors (either matching), then serviceSelectors (one matching).
 * Stricter than MetalLB in one corner: selectors that match no namespace mean "nobody", where
 * MetalLB would fall back to "everybody".
 */
export function poolServes(
  pool: IpPoolObject,
  ns: NamespaceFacts,
  serviceLabels: Record<string, string> = {},
): boolean {
  const a = pool.spec?.serviceAllocation;
  if (!a) return true;
  const names = a.namespaces ?? [];
  const selectors = a.namespaceSelectors ?? [];
  if (
    (names.length || selectors.length) &&
    !names.includes(ns.name) &&
    !selectors.some((s) => selectorMatches(s, ns.labels))
  )
    return false;
  const svc = a.serviceSelectors ?? [];
  return !svc.length || svc.some((s) => selectorMatches(s, serviceLabels));
}

/** MetalLB's order (sortPools): priority 1, 2, … first, then pools without one; then by name. */
export function byPriority(a: IpPoolObject, b: IpPoolObject): number {
  const pa = a.spec?.serviceAllocation?.priority ?? 0;
  const pb = b.spec?.serviceAllocation?.priority ?? 0;
  if (pa !== pb) return pa === 0 ? 1 : pb === 0 ? -1 : pa - pb;
  return (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '');
}

export function usablePools(
  pools: IpPoolObject[],
  ns: NamespaceFacts,
  serviceLabels?: Record<string, string>,
): IpPoolObject[] {
  return pools.filter((p) => poolServes(p, ns, serviceLabels)).sort(byPriority);
}

/** The annotation value of a tenant's sharing key: prefixed by its namespace (guardrails.yaml). */
export const sharingKeyOf = (namespace: string, key: string) => (key ? `${namespace}/${key}` : '');
export const sharingKeyName = (namespace: string, stored: string | undefined) =>
  stored?.startsWith(`${namespace}/`) ? stored.slice(namespace.length + 1) : (stored ?? '');

/** labels.Set(selector).String(): sorted k=v pairs. */
export const backendKeyOf = (policy: 'Cluster' | 'Local', selector: Record<string, string>) =>
  policy === 'Local'
    ? Object.keys(selector)
        .sort()
        .map((k) => `${k}=${selector[k]}`)
        .join(',')
    : '';

const clash = (a: Holder['ports'], b: Holder['ports']) =>
  a.some((p) => b.some((q) => q.protocol === p.protocol && q.port === p.port));

/**
 * Sharing an address (checkSharing/sharingOK): the same key, no port used twice, the same backend
 * key. `peers` are the holders on the address in question.
 */
export function sharingProblem(
  me: Pick<Holder, 'sharingKey' | 'ports' | 'backendKey'>,
  peers: Holder[],
): RuleProblem | undefined {
  if (!peers.length) return undefined;
  if (!me.sharingKey || peers.some((p) => p.sharingKey !== me.sharingKey))
    return { path: 'ip', key: 'loadbalancers.validation.ipInUse' };
  if (peers.some((p) => clash(p.ports, me.ports)))
    return { path: 'sharingKey', key: 'loadbalancers.validation.sharingPortClash' };
  if (peers.some((p) => p.backendKey !== me.backendKey))
    return { path: 'externalTrafficPolicy', key: 'loadbalancers.validation.sharingPolicy' };
  return undefined;
}

const availableOf = (p: IpPoolObject) =>
  p.status ? (p.status.availableIPv4 ?? 0) + (p.status.availableIPv6 ?? 0) : undefined;

/** Everything the person can fix before the Service is written, in the order the form shows it. */
export function lbProblems(
  input: LoadBalancerInput,
  ctx: LbContext,
  selector: Record<string, string>,
  serviceLabels: Record<string, string> = {},
): RuleProblem[] {
  const out: RuleProblem[] = [];
  if (input.target === 'vm' && input.vm && !ctx.vms.includes(input.vm))
    out.push({ path: 'vm', key: 'loadbalancers.validation.unknownVm' });
  const pool = ctx.pools.find((p) => p.metadata?.name === input.pool);
  if (!pool) {
    out.push({ path: 'pool', key: 'loadbalancers.validation.unknownPool' });
    return out;
  }
  if (!poolServes(pool, ctx.namespace, serviceLabels)) {
    out.push({ path: 'pool', key: 'loadbalancers.validation.poolNotAllowed' });
    return out;
  }
  const me = {
    sharingKey: sharingKeyOf(ctx.namespace.name, input.sharingKey) || undefined,
    ports: input.ports,
    backendKey: backendKeyOf(input.externalTrafficPolicy, selector),
  };
  const onIp = (ip: string) => ctx.holders.filter((h) => h.ips.includes(ip));
  if (input.ip) {
    const ip = canonicalIp(input.ip) ?? input.ip;
    if (!containsIp(addressSet(pool.spec?.addresses ?? [], pool.spec?.avoidBuggyIPs), ip)) {
      out.push({ path: 'ip', key: 'loadbalancers.validation.ipOutsidePool' });
      return out;
    }
    const p = sharingProblem(me, onIp(ip));
    if (p) out.push(p);
    return out;
  }
  // Without an address: a key shared with Services that already have one means joining them.
  const peers = me.sharingKey ? ctx.holders.filter((h) => h.sharingKey === me.sharingKey) : [];
  const shared = peers.find((h) => h.ips.length)?.ips[0];
  if (shared) {
    const p = sharingProblem(me, onIp(shared));
    if (p) out.push({ ...p, path: p.path === 'ip' ? 'sharingKey' : p.path });
    return out;
  }
  if (availableOf(pool) === 0)
    out.push({ path: 'pool', key: 'loadbalancers.validation.poolExhausted' });
  return out;
}
