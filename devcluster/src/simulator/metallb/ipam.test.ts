import { describe, expect, it } from 'vitest';

import {
  allocate,
  formatIp,
  parseIp,
  parseRange,
  poolCounters,
  poolFromSpec,
  poolSize,
  type Holder,
  type Pool,
} from './ipam.ts';

const pool = (name: string, addresses: string[], extra: Partial<Pool> = {}): Pool => {
  const p = poolFromSpec(name, { addresses });
  if ('error' in p) throw new Error(p.error);
  return { ...p, ...extra };
};

const req = (over: Partial<Parameters<typeof allocate>[2]> = {}) => ({
  service: 'ns/web',
  namespace: 'ns',
  families: ['IPv4' as const],
  ...over,
});

describe('parsing', () => {
  it('round-trips v4 and v6 addresses', () => {
    for (const ip of ['10.0.0.1', '255.255.255.255', '2001:db8::1', '::', 'fd00:1:2:3:4:5:6:7']) {
      const p = parseIp(ip);
      expect(p).toBeDefined();
      expect(formatIp(p!.value, p!.v6)).toBe(ip);
    }
    expect(parseIp('10.0.0.256')).toBeUndefined();
    expect(parseIp('2001:db8::1::2')).toBeUndefined();
    expect(parseIp('banana')).toBeUndefined();
  });

  it('reads CIDRs and ranges', () => {
    expect(parseRange('10.200.0.0/24')).toMatchObject({
      end: parseRange('10.200.0.255-10.200.0.255').end,
    });
    expect(poolSize(pool('p', ['10.200.0.0/24'])).v4).toBe(256n);
    expect(poolSize(pool('p', ['198.51.100.10-198.51.100.60'])).v4).toBe(51n);
    expect(poolSize(pool('p', ['2001:db8::/120'])).v6).toBe(256n);
    // A CIDR with host bits set still means the whole network, as net.ParseCIDR does.
    expect(formatIp(parseRange('10.1.2.3/30').start, false)).toBe('10.1.2.0');
  });

  it('rejects malformed ranges', () => {
    expect(() => parseRange('10.0.0.10-10.0.0.1')).toThrow(/start is after end/);
    expect(() => parseRange('10.0.0.1-2001:db8::1')).toThrow(/mixed/);
    expect(() => parseRange('10.0.0.0/33')).toThrow(/invalid CIDR/);
    expect(() => parseRange('nope')).toThrow(/invalid IP range/);
    expect(poolFromSpec('bad', { addresses: ['1.2.3'] })).toEqual({
      error: expect.stringMatching(/invalid/),
    });
  });

  it('leaves out .0 and .255 with avoidBuggyIPs', () => {
    const p = pool('p', ['10.0.0.0/23'], { avoidBuggyIPs: true });
    expect(poolSize(p).v4).toBe(512n - 4n);
    expect(poolSize(pool('q', ['10.0.0.250-10.0.1.5'], { avoidBuggyIPs: true })).v4).toBe(12n - 2n);
  });
});

describe('allocate', () => {
  const publicPool = pool('public', ['198.51.100.10-198.51.100.12']);
  const privatePool = pool('private', ['10.200.0.0/24'], { autoAssign: false });
  const none = new Map<string, Holder>();

  it('takes the first free address of an autoAssign pool', () => {
    expect(allocate([privatePool, publicPool], none, req())).toEqual({
      pool: 'public',
      ips: ['198.51.100.10'],
    });
    const used = new Map<string, Holder>([['198.51.100.10', { service: 'ns/other' }]]);
    expect(allocate([publicPool], used, req())).toEqual({ pool: 'public', ips: ['198.51.100.11'] });
  });

  it('honours the pool annotation, including non-autoAssign pools', () => {
    expect(allocate([publicPool, privatePool], none, req({ pool: 'private' }))).toEqual({
      pool: 'private',
      ips: ['10.200.0.0'],
    });
    expect(allocate([publicPool], none, req({ pool: 'nope' }))).toEqual({
      error: 'unknown pool "nope"',
    });
  });

  it('gives a requested IP only if it is inside a pool and free', () => {
    expect(allocate([publicPool, privatePool], none, req({ ips: ['10.200.0.7'] }))).toEqual({
      pool: 'private',
      ips: ['10.200.0.7'],
    });
    expect(allocate([publicPool], none, req({ ips: ['192.0.2.1'] }))).toEqual({
      error: '["192.0.2.1"] is not allowed in config',
    });
    expect(
      allocate([publicPool, privatePool], none, req({ ips: ['10.200.0.7'], pool: 'public' })),
    ).toEqual({
      error: '["10.200.0.7"] is not allowed in pool "public"',
    });
    const used = new Map<string, Holder>([['198.51.100.11', { service: 'ns/db' }]]);
    expect(allocate([publicPool], used, req({ ips: ['198.51.100.11'] }))).toEqual({
      error: 'can\'t use IP "198.51.100.11" for "ns/web": address also in use by ns/db',
    });
  });

  it('shares an address between Services with the same sharing key', () => {
    const used = new Map<string, Holder>([
      ['198.51.100.11', { service: 'ns/db', sharingKey: 'k' }],
    ]);
    expect(allocate([publicPool], used, req({ ips: ['198.51.100.11'], sharingKey: 'k' }))).toEqual({
      pool: 'public',
      ips: ['198.51.100.11'],
    });
  });

  it('reports an exhausted pool', () => {
    const used = new Map<string, Holder>(
      ['198.51.100.10', '198.51.100.11', '198.51.100.12'].map((ip, i) => [
        ip,
        { service: `ns/s${i}` },
      ]),
    );
    expect(allocate([publicPool], used, req())).toEqual({ error: 'no available IPs' });
    expect(allocate([publicPool], used, req({ pool: 'public' }))).toEqual({
      error: 'no available IPs in pool "public"',
    });
  });

  it('allocates one address per requested family', () => {
    const dual = pool('dual', ['192.0.2.0/30', '2001:db8::/126']);
    expect(allocate([dual], none, req({ families: ['IPv4', 'IPv6'] }))).toEqual({
      pool: 'dual',
      ips: ['192.0.2.0', '2001:db8::'],
    });
    expect(allocate([publicPool], none, req({ families: ['IPv6'] }))).toEqual({
      error: 'no available IPs',
    });
  });
});

describe('poolCounters', () => {
  it('counts assigned and available addresses per family', () => {
    const p = pool('p', ['198.51.100.10-198.51.100.60', '2001:db8::/64']);
    expect(poolCounters(p, ['198.51.100.10', '198.51.100.11', '192.0.2.1', '2001:db8::5'])).toEqual(
      {
        assignedIPv4: 2,
        availableIPv4: 49,
        assignedIPv6: 1,
        availableIPv6: Number.MAX_SAFE_INTEGER,
      },
    );
  });
});
