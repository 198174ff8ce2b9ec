// Which tenants a person gets, decided by the API server as them (lib/tenants/server.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { canI } from '../k8s/access';
import { kubeFor } from '../k8s/client';
import { models } from '../k8s/models';
import { Admin, uniqueName, type TestTenant } from '../testing/admin';
import { demoViewer, memberOf, viewerOf, type DemoName } from '../testing/viewers';
import { isOperator, tenantsFor } from './server';
import { TENANT_LABEL } from './types';

const admin = new Admin();

async function tenantsOf(viewer: ReturnType<typeof demoViewer>) {
  return tenantsFor(viewer, kubeFor(viewer.identity));
}

/** Tenant names as cluster-admin sees them: every labelled namespace. */
async function allTenantNames(): Promise<string[]> {
  return (await admin.list('v1', 'Namespace', { labelSelector: TENANT_LABEL }))
    .map((ns) => ns.metadata?.labels?.[TENANT_LABEL])
    .filter((n): n is string => !!n)
    .sort();
}

describe('tenantsFor, demo users (seeded tenants)', () => {
  const cases: [DemoName, string[]][] = [
    ['alice', ['acme']],
    ['carol', ['acme']],
    ['bob', ['globex']],
  ];
  it.each(cases)('gives %s exactly %j', async (who, expected) => {
    const tenants = await tenantsOf(demoViewer(who));
    expect(tenants.map((t) => t.name)).toEqual(expected);
    expect(tenants[0]?.namespace).toBe(`tenant-${expected[0]}`);
  });

  it('names tenants by their display name', async () => {
    const [acme] = await tenantsOf(demoViewer('alice'));
    expect(acme?.displayName).toBe('ACME Corporation');
  });

  it('gives the operator, who may list namespaces, every tenant', async () => {
    const oscar = demoViewer('oscar');
    const kube = kubeFor(oscar.identity);
    expect(await canI(kube, [{ verb: 'list', model: models.namespaces }])).toEqual([true]);
    expect(await isOperator(kube)).toBe(true);

    // Bracket the call: tenants deleted by earlier tests may finish terminating meanwhile.
    const before = await allTenantNames();
    const got = (await tenantsFor(oscar, kube)).map((t) => t.name);
    const after = await allTenantNames();
    expect(got).toEqual([...got].sort());
    expect(got).toEqual(expect.arrayContaining(['acme', 'globex', ...after]));
    expect(before).toEqual(expect.arrayContaining(got));
  });

  it('does not make tenant members operators, nor let them list namespaces', async () => {
    for (const who of ['alice', 'bob', 'carol'] as const) {
      const kube = kubeFor(demoViewer(who).identity);
      expect(await isOperator(kube)).toBe(false);
      expect(await canI(kube, [{ verb: 'list', model: models.namespaces }])).toEqual([false]);
    }
  });
});

describe('tenantsFor, throwaway tenants', () => {
  let bound: TestTenant;
  let unbound: TestTenant;

  beforeAll(async () => {
    [bound, unbound] = await Promise.all([
      admin.createTenant(uniqueName('it-bound'), { displayName: 'Bound Ltd' }),
      // A tenant namespace whose groups nobody bound: membership claims alone must not open it.
      admin.createTenant(uniqueName('it-unbound'), { bindings: false }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([bound, unbound].filter(Boolean).map((t) => admin.deleteTenant(t.name)));
  });

  it('gives an admin and a viewer of a bound tenant exactly that tenant', async () => {
    for (const role of ['admins', 'viewers'] as const) {
      expect(await tenantsOf(memberOf(bound.name, role))).toEqual([
        { name: bound.name, namespace: bound.namespace, displayName: 'Bound Ltd' },
      ]);
    }
  });

  it('gives no tenant to someone whose groups name a tenant they are not bound in', async () => {
    expect(await tenantsOf(memberOf(unbound.name, 'admins'))).toEqual([]);
    // Nor does naming a bound tenant's group alongside help with the unbound one.
    const both = viewerOf('both@tests.example', [
      `tenant-${bound.name}-viewers`,
      `tenant-${unbound.name}-admins`,
    ]);
    expect((await tenantsOf(both)).map((t) => t.name)).toEqual([bound.name]);
  });

  it('gives nothing for groups that are not tenant groups, or for an unknown tenant', async () => {
    expect(await tenantsOf(viewerOf('x@tests.example', ['developers']))).toEqual([]);
    expect(
      await tenantsOf(viewerOf('y@tests.example', [`tenant-${uniqueName('nope')}-admins`])),
    ).toEqual([]);
  });

  it('ignores a system: group smuggled through the identity provider', async () => {
    const sneaky = viewerOf('sneaky@tests.example', ['system:masters', 'system:authenticated']);
    expect(sneaky.identity.groups).toEqual([]);
    const kube = kubeFor(sneaky.identity);
    expect(await isOperator(kube)).toBe(false);
    expect(await tenantsFor(sneaky, kube)).toEqual([]);
  });
});
