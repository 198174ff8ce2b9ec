// Plays MetalLB's controller: LoadBalancer Services get an address from an IPAddressPool, written to
// status.loadBalancer and the ip-allocated-from-pool annotation; pools' status counters follow.
// Allocations live in memory, rebuilt from the Services at start (oldest Service wins a conflict).
import type { PoolObj } from '../kinds.ts';
import { keyOf, pathOfObj, R } from '../kube/types.ts';
import type { Plan } from '../runner.ts';
import { runner, splitKey, type World } from '../world.ts';
import { poolCounters, type Holder } from './ipam.ts';
import {
  ANN_ALLOCATED,
  currentIps,
  decideService,
  isLoadBalancer,
  poolsOf,
  requestOf,
} from './service.ts';

const COMPONENT = 'metallb-controller';
const ASSIGN_AFTER = 0.4;

interface Held {
  pool: string;
  ips: string[];
  sharingKey?: string;
}

export function startMetallb(w: World): void {
  const { services, pools } = w.inf;
  if (!pools.available) return;
  const alloc = new Map<string, Held>();
  /** Last failure message per Service, so the Warning is written once per distinct cause. */
  const failed = new Map<string, string>();
  let seeded = false;

  const holders = (except: string): Map<string, Holder> => {
    const m = new Map<string, Holder>();
    for (const [svc, h] of alloc) {
      if (svc === except) continue;
      for (const ip of h.ips) m.set(ip, { service: svc, sharingKey: h.sharingKey });
    }
    return m;
  };

  // Restart safety: what the Services say they have is the starting point.
  const seed = () => {
    if (seeded) return;
    seeded = true;
    const lbs = services
      .list()
      .filter(
        (s) =>
          isLoadBalancer(s) && currentIps(s).length > 0 && s.metadata.annotations?.[ANN_ALLOCATED],
      )
      .sort((a, b) =>
        (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''),
      );
    for (const s of lbs) {
      const key = keyOf(s);
      const ips = currentIps(s);
      const clash = ips.some((ip) => holders(key).has(ip));
      if (!clash)
        alloc.set(key, {
          pool: s.metadata.annotations?.[ANN_ALLOCATED] ?? '',
          ips,
          sharingKey: requestOf(s).sharingKey,
        });
    }
  };

  const poolRunner = runner(w, 'metallb-pools', (key): Plan[] => {
    const [ns, name] = splitKey(key);
    const obj = pools.get(ns, name);
    if (!obj || obj.metadata.deletionTimestamp) return [];
    const parsed = poolsOf([obj]).pools[0];
    if (!parsed) return [];
    const assigned = [...alloc.values()].filter((h) => h.pool === name).flatMap((h) => h.ips);
    const want = poolCounters(parsed, assigned);
    const have = obj.status ?? {};
    const same = (Object.keys(want) as (keyof typeof want)[]).every((k) => have[k] === want[k]);
    if (same) return [];
    return [
      {
        id: `counters:${JSON.stringify(want)}`,
        after: 0.1,
        run: async () => {
          await w.rest.mergePatch(pathOfObj(R.ipAddressPool, obj, 'status'), { status: want });
        },
      },
    ];
  });

  const svcRunner = runner(w, 'metallb-services', (key): Plan[] => {
    seed();
    const [ns, name] = splitKey(key);
    const svc = services.get(ns, name);
    if (!svc) {
      if (alloc.delete(key)) afterChange();
      return [];
    }
    const { pools: valid } = poolsOf(pools.list());
    const d = decideService(svc, valid, holders(key));
    switch (d.kind) {
      case 'ignore':
        if (alloc.delete(key)) afterChange();
        return [];
      case 'keep': {
        const cur = alloc.get(key);
        const ips = currentIps(svc);
        const pool = svc.metadata.annotations?.[ANN_ALLOCATED] ?? '';
        if (!cur || cur.pool !== pool || cur.ips.join() !== ips.join()) {
          alloc.set(key, { pool, ips, sharingKey: requestOf(svc).sharingKey });
          afterChange();
        }
        failed.delete(key);
        return [];
      }
      case 'release':
        return [
          {
            id: `release:${svc.metadata.uid}`,
            after: 0.1,
            run: async () => {
              alloc.delete(key);
              afterChange();
              await w.rest.mergePatch(pathOfObj(R.service, svc, 'status'), {
                status: { loadBalancer: {} },
              });
              await w.rest.mergePatch(pathOfObj(R.service, svc), {
                metadata: { annotations: { [ANN_ALLOCATED]: null } },
              });
            },
          },
        ];
      case 'fail':
        if (failed.get(key) === d.message) return [];
        return [
          {
            id: `fail:${svc.metadata.uid}:${d.message}`,
            after: 0.1,
            run: async () => {
              failed.set(key, d.message);
              if (alloc.delete(key)) afterChange();
              w.events.record(R.service, svc, {
                type: 'Warning',
                reason: 'AllocationFailed',
                message: `Failed to allocate IP for "${key}": ${d.message}`,
                component: COMPONENT,
              });
              if (currentIps(svc).length) {
                await w.rest.mergePatch(pathOfObj(R.service, svc, 'status'), {
                  status: { loadBalancer: {} },
                });
              }
            },
          },
        ];
      case 'assign':
        return [
          {
            id: `assign:${svc.metadata.uid}:${d.pool}:${d.ips.join()}`,
            after: ASSIGN_AFTER,
            run: async () => {
              // Claim first: another Service deciding meanwhile must see these addresses as taken.
              alloc.set(key, { pool: d.pool, ips: d.ips, sharingKey: requestOf(svc).sharingKey });
              failed.delete(key);
              afterChange();
              await w.rest.mergePatch(pathOfObj(R.service, svc, 'status'), {
                status: { loadBalancer: { ingress: d.ips.map((ip) => ({ ip, ipMode: 'VIP' })) } },
              });
              await w.rest.mergePatch(pathOfObj(R.service, svc), {
                metadata: { annotations: { [ANN_ALLOCATED]: d.pool } },
              });
              w.events.record(R.service, svc, {
                reason: 'IPAllocated',
                message: `Assigned IP ${JSON.stringify(d.ips)}`,
                component: COMPONENT,
              });
            },
          },
        ];
    }
  });

  // Freed addresses may unblock Services that failed for lack of them; counters move too.
  function afterChange(): void {
    for (const p of pools.list()) poolRunner.enqueue(keyOf(p));
    for (const key of failed.keys()) svcRunner.enqueue(key);
  }

  services.on((svc, _old, deleted) => {
    // Release here, not only in decide(): decide is skipped in terminating namespaces.
    if (deleted && alloc.delete(keyOf(svc))) afterChange();
    svcRunner.enqueue(keyOf(svc));
  });
  pools.on((p: PoolObj) => {
    poolRunner.enqueue(keyOf(p));
    for (const s of services.list())
      if (isLoadBalancer(s) || currentIps(s).length) svcRunner.enqueue(keyOf(s));
  });
}
