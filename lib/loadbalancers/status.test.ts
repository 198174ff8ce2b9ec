import { describe, expect, it } from 'vitest';

import type { EventObject, ServiceObject } from '../k8s/objects';
import { addressSet, canonicalIp, containsIp, parseRange } from './addresses';
import { allocationRefusal, lbSummary } from './status';

const svc: ServiceObject = {
  metadata: {
    name: 'ssh',
    namespace: 'tenant-acme',
    uid: 'u1',
    annotations: {
      'metallb.io/address-pool': 'public',
      'metallb.io/allow-shared-ip': 'tenant-acme/k',
    },
  },
  spec: {
    type: 'LoadBalancer',
    selector: { 'stratus.dev/vm': 'web-1' },
    ports: [{ port: 22, protocol: 'TCP', targetPort: 2222 }],
  },
};

const failed = (message: string, uid = 'u1'): EventObject => ({
  metadata: { name: 'e', creationTimestamp: '2026-01-01T00:00:00Z' },
  reason: 'AllocationFailed',
  message,
  involvedObject: { kind: 'Service', name: 'ssh', uid },
});

describe('a load balancer summary', () => {
  it('is pending until MetalLB answers, then shows the address', () => {
    expect(lbSummary(svc)).toMatchObject({
      state: 'pending',
      pool: 'public',
      sharingKey: 'k',
      target: { kind: 'vm', vm: 'web-1' },
      ports: [{ protocol: 'TCP', port: 22, targetPort: 2222 }],
    });
    const assigned = { ...svc, status: { loadBalancer: { ingress: [{ ip: '198.51.100.11' }] } } };
    expect(lbSummary(assigned, [failed('no available IPs')])).toMatchObject({
      state: 'assigned',
      ips: ['198.51.100.11'],
      reason: undefined,
    });
  });

  it('says why MetalLB refused, from its own AllocationFailed text', () => {
    const s = lbSummary(svc, [
      failed('Failed to allocate IP for "tenant-acme/ssh": no available IPs in pool public'),
      failed('something about another Service', 'other'),
    ]);
    expect(s).toMatchObject({ state: 'failed', reason: 'loadbalancers.validation.poolExhausted' });
  });

  it('maps MetalLB v0.16 allocator messages', () => {
    expect(
      allocationRefusal(
        `Failed to allocate IP for "a/b": can't change sharing key for "a/b", address also in use by c/d`,
      ),
    ).toBe('loadbalancers.validation.ipInUse');
    expect(
      allocationRefusal('Failed to allocate IP for "a/b": ["10.0.0.1"] is not allowed in config'),
    ).toBe('loadbalancers.validation.ipOutsidePool');
    expect(allocationRefusal('pool acme-only not compatible for ip assignment')).toBe(
      'loadbalancers.validation.poolNotAllowed',
    );
    expect(allocationRefusal('unknown pool "x"')).toBe('loadbalancers.validation.unknownPool');
    expect(allocationRefusal('port TCP/22 is already in use on "1.2.3.4"')).toBe(
      'loadbalancers.validation.ipInUse',
    );
    expect(allocationRefusal('anything else')).toBe('loadbalancers.error.allocationFailed');
  });
});

describe('addresses', () => {
  it('reads ranges as MetalLB does', () => {
    expect(parseRange('10.0.0.10-10.0.0.1')).toBeUndefined();
    expect(parseRange('10.0.0.1-2001:db8::1')).toBeUndefined();
    expect(parseRange('10.0.0.0/33')).toBeUndefined();
    const set = addressSet(['10.1.2.3/30', '2001:db8::/126', '198.51.100.10-198.51.100.12']);
    expect(containsIp(set, '10.1.2.0')).toBe(true);
    expect(containsIp(set, '10.1.2.4')).toBe(false);
    expect(containsIp(set, '2001:db8::3')).toBe(true);
    expect(containsIp(set, '198.51.100.12')).toBe(true);
    expect(containsIp(set, '198.51.100.13')).toBe(false);
    expect(canonicalIp('2001:0db8:0:0::1')).toBe('2001:db8::1');
  });
});
