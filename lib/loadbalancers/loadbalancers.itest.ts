// Load balancers against the real API server, MetalLB's real controller (its allocator, pool
// counters, events) and the guardrail policy, as tenant members (impersonation).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { eventually } from '../../devcluster/src/eventually.testing';
import { english } from '../i18n/catalogs';
import { kubeFor, type KubeClient } from '../k8s/client';
import { KubeApiError, problemOf, Refusal } from '../k8s/errors';
import { models } from '../k8s/models';
import { Admin, uniqueName, type TestTenant } from '../testing/admin';
import { rejectionOf } from '../testing/errors';
import { memberOf } from '../testing/viewers';
import { METALLB_NAMESPACE } from './live';
import { loadBalancerSchema, type LoadBalancerDraft } from './schema';
import {
  createLoadBalancer,
  deleteLoadBalancer,
  loadBalancerPreflight,
  setLoadBalancerPorts,
} from './server';
import { ipsOf, lbSummary } from './status';
import type { IpPoolObject } from './types';

const admin = new Admin();
let a: TestTenant;
let b: TestTenant;
/** A two-address pool only tenant a may use. */
let poolName = '';
let poolRange: [string, string] = ['', ''];
const adminOf = (t: TestTenant) => kubeFor(memberOf(t.name, 'admins').identity);

const input = (over: Partial<LoadBalancerDraft>) =>
  loadBalancerSchema.parse({
    name: 'ssh',
    ports: [{ protocol: 'TCP', port: 22, targetPort: 22 }],
    target: 'selector',
    selector: 'app=x',
    pool: 'public',
    ...over,
  });

const poolObject = (name: string, cidr: string, namespace: string) => ({
  apiVersion: 'metallb.io/v1beta1',
  kind: 'IPAddressPool',
  metadata: { name, namespace: METALLB_NAMESPACE },
  spec: {
    addresses: [cidr],
    autoAssign: false,
    serviceAllocation: { namespaces: [namespace] },
  },
});

const poolOf = async () =>
  (await admin.get('metallb.io/v1beta1', 'IPAddressPool', METALLB_NAMESPACE, poolName)) as
    IpPoolObject | undefined;

const services = async (kube: KubeClient, ns: string) =>
  (await kube.list(models.services, { namespace: ns })).items.map((s) => s.metadata?.name);

const sentence = (e: unknown) => english(problemOf(e).message);
const field = (e: unknown, f: string) => {
  const m = problemOf(e).fields?.[f];
  return m ? english(m) : undefined;
};

beforeAll(async () => {
  a = await admin.createTenant(uniqueName('la'));
  b = await admin.createTenant(uniqueName('lb'));
  // A free /31 in 192.0.2.0/24 (MetalLB's webhook refuses overlapping pools: try another block).
  poolName = uniqueName('it-pool');
  for (let i = 0; ; i++) {
    const block = (Math.floor(Math.random() * 120) + 4) * 2;
    try {
      await admin.create(poolObject(poolName, `192.0.2.${block}/31`, a.namespace));
      poolRange = [`192.0.2.${block}`, `192.0.2.${block + 1}`];
      break;
    } catch (e) {
      if (i > 10) throw e;
    }
  }
  await eventually('MetalLB to count the new pool', async () => (await poolOf())?.status);
}, 60_000);

afterAll(async () => {
  await admin.deleteTenant(a.name);
  await admin.deleteTenant(b.name);
  await admin.remove(poolObject(poolName, '', ''));
});

describe('creating a load balancer', () => {
  it('gets an address from MetalLB in the chosen pool, counted in the pool status', async () => {
    const kube = adminOf(a);
    const lb = input({ name: 'first', pool: poolName });
    expect(await loadBalancerPreflight(kube, a.namespace, lb)).toBeUndefined();
    expect(await createLoadBalancer(kube, a.namespace, lb)).toEqual({ assigned: true });
    const svc = await kube.get(models.services, a.namespace, 'first');
    expect(ipsOf(svc)[0]).toBe(poolRange[0]);
    expect(svc.metadata?.annotations?.['metallb.io/ip-allocated-from-pool']).toBe(poolName);
    expect(lbSummary(svc)).toMatchObject({ state: 'assigned', pool: poolName });
    const counted = await eventually('the pool to count it', async () => {
      const p = await poolOf();
      return p?.status?.assignedIPv4 === 1 && p;
    });
    expect(counted.status).toMatchObject({ assignedIPv4: 1, availableIPv4: 1 });
  });

  it('refuses an address outside the pool before writing anything', async () => {
    const kube = adminOf(a);
    const p = await loadBalancerPreflight(
      kube,
      a.namespace,
      input({ name: 'outside', pool: poolName, ip: '198.51.100.20' }),
    );
    expect(p && english(p.message)).toBe('This address is not in the chosen pool.');
    expect(await services(kube, a.namespace)).not.toContain('outside');
  });

  it('refuses a pool the tenant may not use: in the rules, and at admission', async () => {
    const kube = adminOf(b);
    const lb = input({ name: 'stolen', pool: poolName });
    const p = await loadBalancerPreflight(kube, b.namespace, lb);
    expect(p?.fields && english(p.fields.pool!)).toBe('This tenant may not use that address pool.');
    // Past the dashboard (kubectl): the guardrail policy refuses the write itself.
    const { buildLoadBalancer } = await import('./build');
    const e = await rejectionOf(kube.create(models.services, buildLoadBalancer(lb, b.namespace)));
    expect(e).toBeInstanceOf(KubeApiError);
    expect((e as KubeApiError).status).toBe(403);
    expect((e as KubeApiError).body.message).toContain(
      `IPAddressPool ${poolName} does not serve namespace ${b.namespace}`,
    );
    expect(await services(kube, b.namespace)).not.toContain('stolen');
  });

  it("refuses another tenant's address with MetalLB's verdict, and removes the Service", async () => {
    // b cannot see a's Services, so only MetalLB knows; its message names the holder, ours not.
    const kube = adminOf(b);
    // An address a holds in the public pool, which both may use.
    const mine = input({ name: 'pub', pool: 'public' });
    await createLoadBalancer(adminOf(a), a.namespace, mine);
    const pubIp = ipsOf(await adminOf(a).get(models.services, a.namespace, 'pub'))[0] ?? '';
    expect(pubIp).toMatch(/^198\.51\.100\./);
    const refused = await rejectionOf(
      createLoadBalancer(kube, b.namespace, input({ name: 'taken', ip: pubIp })),
    );
    expect(refused).toBeInstanceOf(Refusal);
    expect(field(refused, 'ip')).toMatch(/^This address is already in use/);
    expect(sentence(refused)).not.toContain(a.namespace);
    await eventually('the refused Service to be gone', async () =>
      (await services(kube, b.namespace)).includes('taken') ? false : true,
    );
  });

  it('refuses an exhausted pool, from MetalLB’s own counters', async () => {
    const kube = adminOf(a);
    await createLoadBalancer(kube, a.namespace, input({ name: 'second', pool: poolName }));
    await eventually(
      'the pool to be full',
      async () => (await poolOf())?.status?.availableIPv4 === 0,
    );
    const p = await loadBalancerPreflight(
      kube,
      a.namespace,
      input({ name: 'third', pool: poolName }),
    );
    expect(p && english(p.message)).toBe(
      'The pool has no free addresses left. Pick another pool or free an address.',
    );
  });

  it('keeps sharing keys to the tenant and its ports apart', async () => {
    const kube = adminOf(a);
    await createLoadBalancer(
      kube,
      a.namespace,
      input({
        name: 'web',
        pool: 'public',
        sharingKey: 'front',
        ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }],
      }),
    );
    const clash = await loadBalancerPreflight(
      kube,
      a.namespace,
      input({
        name: 'web2',
        sharingKey: 'front',
        ports: [{ protocol: 'TCP', port: 80, targetPort: 8080 }],
      }),
    );
    expect(clash?.fields && english(clash.fields.sharingKey!)).toBe(
      'A load balancer with this sharing key already uses one of these ports on the shared address.',
    );
    // Other ports share the address: MetalLB gives both the same IP.
    await createLoadBalancer(
      kube,
      a.namespace,
      input({
        name: 'web2',
        sharingKey: 'front',
        ports: [{ protocol: 'TCP', port: 443, targetPort: 443 }],
      }),
    );
    const [one, two] = await Promise.all(
      ['web', 'web2'].map(async (n) => ipsOf(await kube.get(models.services, a.namespace, n))[0]),
    );
    expect(two).toBe(one);
    // A key without the namespace prefix (someone else's) is refused at admission.
    const e = await rejectionOf(
      kube.create(models.services, {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: {
          name: 'sneaky',
          namespace: a.namespace,
          annotations: { 'metallb.io/allow-shared-ip': 'front' },
        },
        spec: { type: 'LoadBalancer', selector: { app: 'x' }, ports: [{ port: 8443 }] },
      }),
    );
    expect((e as KubeApiError).status).toBe(403);
    expect((e as KubeApiError).body.message).toContain(
      `metallb.io/allow-shared-ip must start with "${a.namespace}/"`,
    );
  });
});

describe('changing and deleting', () => {
  it('edits ports, keeping the address; refuses a clash on a shared address', async () => {
    const kube = adminOf(a);
    const before = ipsOf(await kube.get(models.services, a.namespace, 'web2'))[0];
    await setLoadBalancerPorts(kube, a.namespace, 'web2', [
      { protocol: 'TCP', port: 8443, targetPort: 443 },
    ]);
    const after = await kube.get(models.services, a.namespace, 'web2');
    expect(after.spec?.ports?.map((p) => p.port)).toEqual([8443]);
    expect(ipsOf(after)[0]).toBe(before);
    const e = await rejectionOf(
      setLoadBalancerPorts(kube, a.namespace, 'web2', [
        { protocol: 'TCP', port: 80, targetPort: 80 },
      ]),
    );
    expect(field(e, 'ports')).toBe(
      'A load balancer with this sharing key already uses one of these ports on the shared address.',
    );
  });

  it('deletes, and the address goes back to the pool', async () => {
    const kube = adminOf(a);
    await deleteLoadBalancer(kube, a.namespace, 'second');
    const p = await eventually('the pool to count the freed address', async () => {
      const pool = await poolOf();
      return pool?.status?.availableIPv4 === 1 && pool;
    });
    expect(p.status?.assignedIPv4).toBe(1);
  });

  it('lets viewers change nothing', async () => {
    const viewer = kubeFor(memberOf(a.name, 'viewers').identity);
    const e = await rejectionOf(deleteLoadBalancer(viewer, a.namespace, 'first'));
    expect((e as KubeApiError).status).toBe(403);
  });
});
