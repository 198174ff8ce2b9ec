// MetalLB's address management, as pure functions: parse pool ranges (CIDR or start-end, v4 and v6),
// pick a free address for a Service, and count a pool's assigned/available addresses.

export interface IpRange {
  start: bigint;
  end: bigint;
  v6: boolean;
}

export interface Pool {
  name: string;
  ranges: IpRange[];
  autoAssign: boolean;
  avoidBuggyIPs: boolean;
  priority: number;
  namespaces: string[];
}

/** Which Service holds an address, and its sharing key (metallb.io/allow-shared-ip). */
export interface Holder {
  service: string;
  sharingKey?: string;
}

export interface AllocationRequest {
  service: string;
  namespace: string;
  /** metallb.io/address-pool */
  pool?: string;
  /** metallb.io/loadBalancerIPs or spec.loadBalancerIP */
  ips?: string[];
  families: ('IPv4' | 'IPv6')[];
  sharingKey?: string;
}

export type Allocation = { pool: string; ips: string[] } | { error: string };

export function parseIp(s: string): { value: bigint; v6: boolean } | undefined {
  const text = s.trim();
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    const parts = text.split('.').map(Number);
    if (parts.some((p) => p > 255)) return undefined;
    return { value: parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n), v6: false };
  }
  if (!text.includes(':') || !/^[0-9a-fA-F:]+$/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return { value: groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n), v6: true };
}

export function formatIp(value: bigint, v6: boolean): string {
  if (!v6) return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 255n)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) =>
    Number((value >> BigInt(112 - i * 16)) & 0xffffn),
  );
  // Compress the longest run of zero groups (RFC 5952).
  let best = { at: -1, len: 0 };
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.len && j - i > 1) best = { at: i, len: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.at < 0) return hex.join(':');
  return `${hex.slice(0, best.at).join(':')}::${hex.slice(best.at + best.len).join(':')}`;
}

/** "10.0.0.0/24" or "10.0.0.10-10.0.0.20" (also IPv6); throws with MetalLB-like messages. */
export function parseRange(text: string): IpRange {
  const s = text.trim();
  if (s.includes('/')) {
    const [addr = '', bitsText = ''] = s.split('/');
    const ip = parseIp(addr);
    const bits = Number(bitsText);
    const width = ip?.v6 ? 128 : 32;
    if (!ip || !/^\d+$/.test(bitsText) || bits > width) throw new Error(`invalid CIDR "${s}"`);
    const host = (1n << BigInt(width - bits)) - 1n;
    const start = ip.value & ~host & ((1n << BigInt(width)) - 1n);
    return { start, end: start | host, v6: ip.v6 };
  }
  const parts = s.split('-');
  if (parts.length !== 2) throw new Error(`invalid IP range "${s}": want a CIDR or start-end`);
  const a = parseIp(parts[0] ?? '');
  const b = parseIp(parts[1] ?? '');
  if (!a || !b) throw new Error(`invalid IP range "${s}": bad address`);
  if (a.v6 !== b.v6) throw new Error(`invalid IP range "${s}": mixed address families`);
  if (a.value > b.value) throw new Error(`invalid IP range "${s}": start is after end`);
  return { start: a.value, end: b.value, v6: a.v6 };
}

export interface PoolSpec {
  addresses: string[];
  autoAssign?: boolean;
  avoidBuggyIPs?: boolean;
  serviceAllocation?: { priority?: number; namespaces?: string[] };
}

export function poolFromSpec(name: string, spec: PoolSpec): Pool | { error: string } {
  try {
    return {
      name,
      ranges: spec.addresses.map(parseRange),
      autoAssign: spec.autoAssign ?? true,
      avoidBuggyIPs: spec.avoidBuggyIPs ?? false,
      priority: spec.serviceAllocation?.priority ?? 0,
      namespaces: spec.serviceAllocation?.namespaces ?? [],
    };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

const isBuggy = (value: bigint, v6: boolean) =>
  !v6 && ((value & 255n) === 0n || (value & 255n) === 255n);

export function poolContains(pool: Pool, ip: string): boolean {
  const p = parseIp(ip);
  if (!p) return false;
  if (pool.avoidBuggyIPs && isBuggy(p.value, p.v6)) return false;
  return pool.ranges.some((r) => r.v6 === p.v6 && p.value >= r.start && p.value <= r.end);
}

export function poolSize(pool: Pool): { v4: bigint; v6: bigint } {
  let v4 = 0n;
  let v6 = 0n;
  for (const r of pool.ranges) {
    let n = r.end - r.start + 1n;
    if (pool.avoidBuggyIPs && !r.v6) n -= countBuggy(r);
    if (r.v6) v6 += n;
    else v4 += n;
  }
  return { v4, v6 };
}

/** Addresses ending in .0 or .255 within a v4 range. */
function countBuggy(r: IpRange): bigint {
  // Buggy addresses in [0, x]: two per full /24 block, plus .0 (and .255) of the partial one.
  const below = (x: bigint) => (x < 0n ? 0n : 2n * (x / 256n) + 1n + (x % 256n >= 255n ? 1n : 0n));
  return below(r.end) - below(r.start - 1n);
}

/** int64 in the CRD, but JSON numbers beyond 2^53 lose precision in JS: cap there. */
const toCount = (n: bigint): number =>
  n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n);

export function poolCounters(pool: Pool, assigned: Iterable<string>) {
  const size = poolSize(pool);
  let a4 = 0n;
  let a6 = 0n;
  for (const ip of new Set(assigned)) {
    if (!poolContains(pool, ip)) continue;
    if (parseIp(ip)?.v6) a6++;
    else a4++;
  }
  return {
    assignedIPv4: toCount(a4),
    assignedIPv6: toCount(a6),
    availableIPv4: toCount(size.v4 - a4),
    availableIPv6: toCount(size.v6 - a6),
  };
}

function canUse(ip: string, holders: ReadonlyMap<string, Holder>, req: AllocationRequest): boolean {
  const h = holders.get(ip);
  return !h || h.service === req.service || (!!req.sharingKey && h.sharingKey === req.sharingKey);
}

function firstFree(
  pool: Pool,
  v6: boolean,
  holders: ReadonlyMap<string, Holder>,
  req: AllocationRequest,
) {
  for (const r of pool.ranges) {
    if (r.v6 !== v6) continue;
    for (let v = r.start; v <= r.end; v++) {
      if (pool.avoidBuggyIPs && isBuggy(v, v6)) continue;
      const ip = formatIp(v, v6);
      if (canUse(ip, holders, req)) return ip;
    }
  }
  return undefined;
}

/** Pools a Service may get an address from without naming one: autoAssign, by priority then name. */
export function autoPools(pools: Pool[], namespace: string): Pool[] {
  return pools
    .filter((p) => p.autoAssign && (p.namespaces.length === 0 || p.namespaces.includes(namespace)))
    .sort((a, b) => {
      const scoped = Number(b.namespaces.length > 0) - Number(a.namespaces.length > 0);
      return scoped || b.priority - a.priority || a.name.localeCompare(b.name);
    });
}

/** Decide the addresses for one Service. `holders` must not include this Service's own addresses. */
export function allocate(
  pools: Pool[],
  holders: ReadonlyMap<string, Holder>,
  req: AllocationRequest,
): Allocation {
  const named = req.pool ? pools.find((p) => p.name === req.pool) : undefined;
  if (req.pool && !named) return { error: `unknown pool "${req.pool}"` };

  if (req.ips?.length) {
    const bad = req.ips.find((ip) => !parseIp(ip));
    if (bad) return { error: `invalid IP "${bad}" in metallb.io/loadBalancerIPs` };
    const candidates = named ? [named] : pools;
    const pool = candidates.find((p) => req.ips?.every((ip) => poolContains(p, ip)));
    if (!pool) {
      return {
        error: named
          ? `${JSON.stringify(req.ips)} is not allowed in pool "${named.name}"`
          : `${JSON.stringify(req.ips)} is not allowed in config`,
      };
    }
    const taken = req.ips.find((ip) => !canUse(ip, holders, req));
    if (taken) {
      const h = holders.get(taken);
      return {
        error: `can't use IP "${taken}" for "${req.service}": address also in use by ${h?.service ?? '?'}`,
      };
    }
    return { pool: pool.name, ips: [...req.ips] };
  }

  const candidates = named ? [named] : autoPools(pools, req.namespace);
  if (candidates.length === 0) return { error: 'no available IPs: no pool has autoAssign enabled' };
  for (const pool of candidates) {
    const ips: string[] = [];
    for (const family of req.families) {
      const ip = firstFree(pool, family === 'IPv6', holders, req);
      if (!ip) break;
      ips.push(ip);
    }
    if (ips.length === req.families.length) return { pool: pool.name, ips };
  }
  return { error: named ? `no available IPs in pool "${named.name}"` : 'no available IPs' };
}
