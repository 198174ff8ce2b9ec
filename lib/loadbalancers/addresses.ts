// IP address math for MetalLB pools, as MetalLB reads them: a pool entry is a CIDR or a
// "start-end" range of one family; avoidBuggyIPs skips v4 addresses ending in .0 or .255. Pure.

export interface IpRange {
  start: bigint;
  end: bigint;
  v6: boolean;
}

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

/** "10.0.0.0/24" or "10.0.0.10-10.0.0.20" (v4 or v6); undefined when MetalLB would refuse it. */
export function parseRange(text: string): IpRange | undefined {
  const s = text.trim();
  if (!s.includes('-')) {
    const [addr = '', bitsText = '', extra] = s.split('/');
    const ip = parseIp(addr);
    const width = ip?.v6 ? 128 : 32;
    const bits = Number(bitsText);
    if (!ip || extra !== undefined || !/^\d+$/.test(bitsText) || bits > width) return undefined;
    const host = (1n << BigInt(width - bits)) - 1n;
    const start = ip.value & ~host & ((1n << BigInt(width)) - 1n);
    return { start, end: start | host, v6: ip.v6 };
  }
  const [a, b] = s.split('-', 2).map((p) => parseIp(p));
  if (!a || !b || a.v6 !== b.v6 || a.value > b.value) return undefined;
  return { start: a.value, end: b.value, v6: a.v6 };
}

const isBuggy = (value: bigint, v6: boolean) =>
  !v6 && ((value & 255n) === 0n || (value & 255n) === 255n);

export interface AddressSet {
  ranges: IpRange[];
  avoidBuggyIPs: boolean;
}

export function addressSet(addresses: readonly string[], avoidBuggyIPs = false): AddressSet {
  return {
    ranges: addresses.flatMap((a) => parseRange(a) ?? []),
    avoidBuggyIPs,
  };
}

/** Whether MetalLB would hand out this address from the set (parse errors: no). */
export function containsIp(set: AddressSet, ip: string): boolean {
  const p = parseIp(ip);
  if (!p) return false;
  if (set.avoidBuggyIPs && isBuggy(p.value, p.v6)) return false;
  return set.ranges.some((r) => r.v6 === p.v6 && p.value >= r.start && p.value <= r.end);
}

/** Canonical text of an address ("010.0.0.1" and "10.0.0.1" are one address), or undefined. */
export function canonicalIp(ip: string): string | undefined {
  const p = parseIp(ip);
  return p ? formatIp(p.value, p.v6) : undefined;
}

/** A sortable key for addresses: v4 before v6, numeric order within. */
export function ipSortKey(ip: string): string {
  const p = parseIp(ip);
  if (!p) return `z${ip}`;
  return `${p.v6 ? 'b' : 'a'}${p.value.toString(16).padStart(32, '0')}`;
}
