import { describe, expect, it } from 'vitest';

import { buildLoadBalancer, selectorOf } from './build';
import { loadBalancerSchemaFor } from './form';
import { byPriority, lbProblems, poolServes, usablePools, type LbContext } from './rules';
import { loadBalancerSchema, type LoadBalancerDraft } from './schema';
import { holderOf } from './status';
import type { IpPoolObject } from './types';

const pool = (name: string, spec: IpPoolObject['spec'], available = 10): IpPoolObject => ({
  metadata: { name, namespace: 'metallb-system' },
  spec,
  status: { assignedIPv4: 0, assignedIPv6: 0, availableIPv4: available, availableIPv6: 0 },
});

const pools = [
  pool('public', { addresses: ['198.51.100.10-198.51.100.20'] }),
  pool('private', { addresses: ['10.200.0.0/24'], avoidBuggyIPs: true }),
  pool('acme-only', {
    addresses: ['192.0.2.0/28'],
    serviceAllocation: { namespaces: ['tenant-acme'] },
  }),
  pool('gold', {
    addresses: ['192.0.2.16/28'],
    serviceAllocation: {
      priority: 1,
      namespaceSelectors: [{ matchLabels: { tier: 'gold' } }],
    },
  }),
  pool('full', { addresses: ['192.0.2.32/30'] }, 0),
];

const draft = (over: Partial<LoadBalancerDraft> = {}): LoadBalancerDraft => ({
  name: 'ssh',
  ports: [{ protocol: 'TCP', port: 22, targetPort: 22 }],
  target: 'vm',
  vm: 'web-1',
  selector: '',
  pool: 'public',
  ip: '',
  sharingKey: '',
  externalTrafficPolicy: 'Cluster',
  ...over,
});

const ctx = (over: Partial<LbContext> = {}): LbContext => ({
  namespace: { name: 'tenant-globex', labels: {} },
  pools,
  holders: [],
  vms: ['web-1'],
  ...over,
});

const problems = (d: LoadBalancerDraft, c = ctx()) => {
  const input = loadBalancerSchema.parse(d);
  return lbProblems(input, c, selectorOf(input)).map((p) => `${p.path}:${p.key.split('.').pop()}`);
};

const held = (name: string, ip: string, over: Partial<LoadBalancerDraft> = {}) =>
  holderOf({
    ...buildLoadBalancer(loadBalancerSchema.parse(draft({ name, ...over })), 'tenant-globex'),
    status: { loadBalancer: { ingress: [{ ip }] } },
  });

describe('which pools a tenant may use', () => {
  it('follows serviceAllocation namespaces and namespaceSelectors, in MetalLB priority order', () => {
    const plain = { name: 'tenant-globex', labels: {} };
    const gold = { name: 'tenant-globex', labels: { tier: 'gold' } };
    expect(usablePools(pools, plain).map((p) => p.metadata?.name)).toEqual([
      'full',
      'private',
      'public',
    ]);
    expect(usablePools(pools, gold).map((p) => p.metadata?.name)[0]).toBe('gold');
    expect(poolServes(pools[2]!, { name: 'tenant-acme', labels: {} })).toBe(true);
    expect(poolServes(pools[2]!, plain)).toBe(false);
    expect([pools[0]!, pools[3]!].sort(byPriority)[0]?.metadata?.name).toBe('gold');
  });

  it('reads matchExpressions and serviceSelectors', () => {
    const p = pool('x', {
      addresses: ['192.0.2.0/30'],
      serviceAllocation: {
        namespaceSelectors: [
          { matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] },
        ],
        serviceSelectors: [{ matchLabels: { exposed: 'yes' } }],
      },
    });
    const prod = { name: 'n', labels: { env: 'prod' } };
    expect(poolServes(p, prod, { exposed: 'yes' })).toBe(true);
    expect(poolServes(p, prod, {})).toBe(false);
    expect(poolServes(p, { name: 'n', labels: { env: 'dev' } }, { exposed: 'yes' })).toBe(false);
  });
});

describe('refusals before anything is written', () => {
  it('accepts a plain VM port on an open pool', () => {
    expect(problems(draft())).toEqual([]);
  });

  it('refuses a pool the tenant may not use, and an unknown one', () => {
    expect(problems(draft({ pool: 'acme-only' }))).toEqual(['pool:poolNotAllowed']);
    expect(problems(draft({ pool: 'nope' }))).toEqual(['pool:unknownPool']);
  });

  it('refuses an address outside the pool (buggy .0/.255 too when the pool avoids them)', () => {
    expect(problems(draft({ ip: '198.51.100.9' }))).toEqual(['ip:ipOutsidePool']);
    expect(problems(draft({ pool: 'private', ip: '10.200.0.0' }))).toEqual(['ip:ipOutsidePool']);
    expect(problems(draft({ pool: 'private', ip: '10.200.0.7' }))).toEqual([]);
  });

  it('refuses an address in use unless the sharing key matches, on other ports', () => {
    const holders = [held('web', '198.51.100.12', { sharingKey: 'front' })];
    expect(problems(draft({ ip: '198.51.100.12' }), ctx({ holders }))).toEqual(['ip:ipInUse']);
    expect(problems(draft({ ip: '198.51.100.12', sharingKey: 'front' }), ctx({ holders }))).toEqual(
      ['sharingKey:sharingPortClash'],
    );
    expect(
      problems(
        draft({
          ip: '198.51.100.12',
          sharingKey: 'front',
          ports: [{ protocol: 'UDP', port: 22, targetPort: 22 }],
        }),
        ctx({ holders }),
      ),
    ).toEqual([]);
  });

  it('refuses a sharing key on clashing ports or another traffic policy, without an address', () => {
    const holders = [held('web', '198.51.100.12', { sharingKey: 'front' })];
    expect(problems(draft({ sharingKey: 'front' }), ctx({ holders }))).toEqual([
      'sharingKey:sharingPortClash',
    ]);
    expect(
      problems(
        draft({
          sharingKey: 'front',
          externalTrafficPolicy: 'Local',
          ports: [{ protocol: 'TCP', port: 443, targetPort: 443 }],
        }),
        ctx({ holders }),
      ),
    ).toEqual(['externalTrafficPolicy:sharingPolicy']);
  });

  it('refuses an exhausted pool, and a VM the tenant does not have', () => {
    expect(problems(draft({ pool: 'full' }))).toEqual(['pool:poolExhausted']);
    expect(problems(draft({ vm: 'other' }))).toEqual(['vm:unknownVm']);
  });

  it('runs in the form schema, on the field that is wrong', () => {
    const r = loadBalancerSchemaFor(ctx()).safeParse(draft({ ip: '198.51.100.200' }));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({
      path: ['ip'],
      message: 'loadbalancers.validation.ipOutsidePool',
    });
  });
});

describe('the schema', () => {
  it('refuses duplicate and out-of-range ports', () => {
    const dup = loadBalancerSchema.safeParse(
      draft({
        ports: [
          { protocol: 'TCP', port: '22', targetPort: '22' },
          { protocol: 'TCP', port: '22', targetPort: '2222' },
        ],
      }),
    );
    expect(dup.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['ports.1.port', 'loadbalancers.validation.duplicatePort'],
    ]);
    const range = loadBalancerSchema.safeParse(
      draft({ ports: [{ protocol: 'TCP', port: '70000', targetPort: '0' }] }),
    );
    expect(range.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['ports.0.port', 'loadbalancers.validation.portRange'],
      ['ports.0.targetPort', 'loadbalancers.validation.portRange'],
    ]);
  });

  it('wants a name starting with a letter, a valid address and selector', () => {
    const r = loadBalancerSchema.safeParse(
      draft({
        name: '1web',
        ip: '198.51.100',
        target: 'selector',
        selector: 'app=' + 'x'.repeat(70),
      }),
    );
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['name', 'ip', 'selector']);
  });
});

describe('the Service', () => {
  it('carries MetalLB annotations, a namespaced sharing key and the VM label selector', () => {
    const svc = buildLoadBalancer(
      loadBalancerSchema.parse(draft({ ip: '198.51.100.012', sharingKey: 'front' })),
      'tenant-globex',
    );
    expect(svc.metadata?.annotations).toEqual({
      'metallb.io/address-pool': 'public',
      'metallb.io/loadBalancerIPs': '198.51.100.12',
      'metallb.io/allow-shared-ip': 'tenant-globex/front',
    });
    expect(svc.spec).toMatchObject({
      type: 'LoadBalancer',
      selector: { 'vm.kubevirt.io/name': 'web-1' },
      ports: [{ name: 'tcp-22', protocol: 'TCP', port: 22, targetPort: 22 }],
    });
  });
});
