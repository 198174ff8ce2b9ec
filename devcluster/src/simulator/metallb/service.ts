// What MetalLB's controller wants for one Service, as a pure function of the Service and the pools.
import type { PoolObj, ServiceObj } from '../kinds.ts';
import type { AllocationRequest, Holder, Pool } from './ipam.ts';
import { allocate, poolContains, poolFromSpec } from './ipam.ts';

export const ANN_POOL = 'metallb.io/address-pool';
export const ANN_IPS = 'metallb.io/loadBalancerIPs';
export const ANN_SHARED = 'metallb.io/allow-shared-ip';
export const ANN_ALLOCATED = 'metallb.io/ip-allocated-from-pool';
// MetalLB < 0.14.9 only knew these; it still reads them, the stable key winning.
const legacy = (k: string) => k.replace('metallb.io/', 'metallb.universe.tf/');

export type ServiceDecision =
  | { kind: 'ignore' }
  | { kind: 'keep' }
  | { kind: 'assign'; pool: string; ips: string[] }
  | { kind: 'release' }
  | { kind: 'fail'; message: string };

const annotation = (svc: ServiceObj, key: string): string | undefined =>
  svc.metadata.annotations?.[key] ?? svc.metadata.annotations?.[legacy(key)];

export const isLoadBalancer = (svc: ServiceObj): boolean =>
  svc.spec?.type === 'LoadBalancer' &&
  !svc.metadata.deletionTimestamp &&
  !svc.spec.loadBalancerClass;

export function currentIps(svc: ServiceObj): string[] {
  return (svc.status?.loadBalancer?.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : []));
}

export function requestOf(svc: ServiceObj): AllocationRequest {
  const ipsText = annotation(svc, ANN_IPS) ?? svc.spec?.loadBalancerIP;
  const ips = ipsText
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const families = (svc.spec?.ipFamilies?.length ? svc.spec.ipFamilies : ['IPv4']).filter(
    (f): f is 'IPv4' | 'IPv6' => f === 'IPv4' || f === 'IPv6',
  );
  return {
    service: `${svc.metadata.namespace}/${svc.metadata.name}`,
    namespace: svc.metadata.namespace ?? '',
    pool: annotation(svc, ANN_POOL),
    ips: ips?.length ? ips : undefined,
    families,
    sharingKey: annotation(svc, ANN_SHARED),
  };
}

export function poolsOf(objs: PoolObj[]): { pools: Pool[]; invalid: Map<string, string> } {
  const pools: Pool[] = [];
  const invalid = new Map<string, string>();
  for (const o of objs) {
    if (o.metadata.deletionTimestamp) continue;
    const p = poolFromSpec(o.metadata.name, o.spec);
    if ('error' in p) invalid.set(o.metadata.name, p.error);
    else pools.push(p);
  }
  return { pools, invalid };
}

/**
 * Keep a still-valid allocation; otherwise allocate. `holders` are the other Services' addresses.
 * A Service that was a LoadBalancer but no longer is (or is being deleted) gets released.
 */
export function decideService(
  svc: ServiceObj,
  pools: Pool[],
  holders: ReadonlyMap<string, Holder>,
): ServiceDecision {
  const has = currentIps(svc).length > 0 || !!svc.metadata.annotations?.[ANN_ALLOCATED];
  if (!isLoadBalancer(svc))
    return has && !svc.metadata.deletionTimestamp ? { kind: 'release' } : { kind: 'ignore' };

  const req = requestOf(svc);
  const current = currentIps(svc);
  const fromPool = svc.metadata.annotations?.[ANN_ALLOCATED];
  const pool = pools.find((p) => p.name === fromPool);
  const stillValid =
    pool &&
    current.length === req.families.length &&
    current.every((ip) => poolContains(pool, ip)) &&
    (!req.pool || req.pool === pool.name) &&
    (!req.ips || sameSet(req.ips, current)) &&
    current.every((ip) => {
      const h = holders.get(ip);
      return !h || (!!req.sharingKey && h.sharingKey === req.sharingKey);
    });
  if (stillValid) return { kind: 'keep' };

  const result = allocate(pools, holders, req);
  if ('error' in result) return { kind: 'fail', message: result.error };
  return { kind: 'assign', pool: result.pool, ips: result.ips };
}

const sameSet = (a: string[], b: string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));
