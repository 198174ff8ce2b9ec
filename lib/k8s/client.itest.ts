// The dashboard acts as the signed-in person: kubeFor sends their own ID token (token passthrough;
// lib/auth/identity-modes.itest.ts covers the impersonation fallback), and the API server's RBAC
// decides. These run against the test cluster, through the same client the app uses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Admin, uniqueName, virtualMachine, type TestTenant } from '../testing/admin';
import { rejectionOf } from '../testing/errors';
import { demoViewer, memberOf } from '../testing/viewers';
import { canI, type AccessCheck } from './access';
import { kubeFor } from './client';
import { msg } from '../i18n/messages';
import { KubeApiError, toUserError } from './errors';
import { models } from './models';
import type { KubeObject } from './types';

const admin = new Admin();
const vms = models.virtualmachines;

const names = (items: KubeObject[]) => items.map((o) => o.metadata?.name);

function vmObject(namespace: string, name: string): KubeObject {
  return virtualMachine(namespace, name) as KubeObject;
}

describe('kubeFor in throwaway tenants', () => {
  let own: TestTenant;
  let other: TestTenant;
  const ownVm = uniqueName('vm');
  const otherVm = uniqueName('vm');

  beforeAll(async () => {
    [own, other] = await Promise.all([
      admin.createTenant(uniqueName('it-own')),
      admin.createTenant(uniqueName('it-other')),
    ]);
    await Promise.all([
      admin.createVm(own.namespace, ownVm),
      admin.createVm(other.namespace, otherVm),
    ]);
  });
  afterAll(async () => {
    await Promise.all([own, other].filter(Boolean).map((t) => admin.deleteTenant(t.name)));
  });

  it('lets a tenant admin list the VMs of their own tenant', async () => {
    const kube = kubeFor(memberOf(own.name, 'admins').identity);
    const list = await kube.list(vms, { namespace: own.namespace });
    expect(names(list.items)).toContain(ownVm);
    expect(names(list.items)).not.toContain(otherVm);
  });

  it("refuses a tenant admin in another tenant's namespace with a 403 and a plain sentence", async () => {
    const viewer = memberOf(own.name, 'admins');
    const err = await rejectionOf(
      kubeFor(viewer.identity).list(vms, { namespace: other.namespace }),
    );
    expect(err).toBeInstanceOf(KubeApiError);
    expect((err as KubeApiError).status).toBe(403);
    // The API server names the person, which proves the call was made as them.
    expect((err as KubeApiError).message).toContain(viewer.identity.username);

    const shown = toUserError(err, {
      action: msg('action.list', { kinds: 'virtual machines' }),
      kind: vms.kind,
    });
    expect(shown).toEqual({
      code: 'forbidden',
      status: 403,
      message: "You don't have permission to list virtual machines.",
    });
    // Nothing of the raw refusal reaches the person.
    expect(shown.message).not.toMatch(/oidc:|forbidden:|kubevirt\.io|namespace/i);
  });

  it('lets a viewer list but refuses create and delete with 403, leaving the object alone', async () => {
    const kube = kubeFor(memberOf(own.name, 'viewers').identity);
    const list = await kube.list(vms, { namespace: own.namespace });
    expect(names(list.items)).toContain(ownVm);

    const created = await rejectionOf(kube.create(vms, vmObject(own.namespace, uniqueName('vm'))));
    expect(created).toBeInstanceOf(KubeApiError);
    expect((created as KubeApiError).status).toBe(403);

    // What deleteResource does for a viewer, minus the session lookup: the same call, the same answer.
    const deleted = await rejectionOf(
      kube.delete(vms, own.namespace, ownVm, { propagationPolicy: 'Foreground' }),
    );
    expect(deleted).toBeInstanceOf(KubeApiError);
    expect((deleted as KubeApiError).status).toBe(403);
    expect(
      toUserError(deleted, {
        action: msg('action.delete', { kind: 'virtual machine', name: ownVm }),
      }),
    ).toMatchObject({
      code: 'forbidden',
      message: `You don't have permission to delete virtual machine "${ownVm}".`,
    });
    expect(await admin.intact('kubevirt.io/v1', 'VirtualMachine', own.namespace, ownVm)).toBe(true);
  });

  it('sends DeleteOptions with a delete: dry run and preconditions are honoured', async () => {
    const kube = kubeFor(memberOf(own.name, 'admins').identity);
    const name = uniqueName('vm');
    const created = await admin.createVm(own.namespace, name);
    await kube.delete(vms, own.namespace, name, { dryRun: true });
    expect(await admin.intact('kubevirt.io/v1', 'VirtualMachine', own.namespace, name)).toBe(true);

    const stale = await rejectionOf(kube.delete(vms, own.namespace, name, { uid: 'not-its-uid' }));
    expect((stale as KubeApiError).status).toBe(409);
    // The connection is still in step: the next call on it gets its own answer.
    const list = await kube.list(vms, { namespace: own.namespace });
    expect(names(list.items)).toContain(name);

    await kube.delete(vms, own.namespace, name, { uid: created.metadata?.uid });
    await expect
      .poll(() => admin.get('kubevirt.io/v1', 'VirtualMachine', own.namespace, name), {
        timeout: 15_000,
      })
      .toBeUndefined();
  });

  it('answers canI exactly as the API server then decides', async () => {
    const cases: {
      who: 'admins' | 'viewers';
      ns: () => string;
      verb: 'list' | 'create' | 'delete';
    }[] = [];
    for (const who of ['admins', 'viewers'] as const)
      for (const ns of [() => own.namespace, () => other.namespace])
        for (const verb of ['list', 'create', 'delete'] as const) cases.push({ who, ns, verb });

    const expected = cases.map(
      (c) => c.ns() === own.namespace && (c.verb === 'list' || c.who === 'admins'),
    );
    const answers = await Promise.all(
      cases.map(async (c) => {
        const kube = kubeFor(memberOf(own.name, c.who).identity);
        const check: AccessCheck = { verb: c.verb, model: vms, namespace: c.ns() };
        const [said] = await canI(kube, [check]);
        // Then really try (server-side dry run: authorised and validated, never persisted).
        const target = c.ns() === own.namespace ? ownVm : otherVm;
        const did = await (
          c.verb === 'list'
            ? kube.list(vms, { namespace: c.ns() })
            : c.verb === 'create'
              ? kube.create(vms, vmObject(c.ns(), uniqueName('vm')), { dryRun: true })
              : kube.delete(vms, c.ns(), target, { dryRun: true })
        ).then(
          () => true,
          (err: unknown) => {
            if (err instanceof KubeApiError && err.status === 403) return false;
            throw err;
          },
        );
        return { said, did };
      }),
    );
    expect(answers.map((a) => a.said)).toEqual(expected);
    expect(answers.map((a) => a.did)).toEqual(expected);
    // The dry-run deletes left everything in place.
    expect(await admin.intact('kubevirt.io/v1', 'VirtualMachine', own.namespace, ownVm)).toBe(true);
  });
});

describe('kubeFor with the demo tenants (seeded)', () => {
  const acmeVm = uniqueName('it-vm');

  beforeAll(async () => {
    await admin.createVm('tenant-acme', acmeVm);
  });
  afterAll(async () => {
    await admin.remove(virtualMachine('tenant-acme', acmeVm));
  });

  it('lets alice (admin of acme) list VMs in tenant-acme but not in tenant-globex', async () => {
    const kube = kubeFor(demoViewer('alice').identity);
    const list = await kube.list(vms, { namespace: 'tenant-acme' });
    expect(names(list.items)).toContain(acmeVm);

    const err = await rejectionOf(kube.list(vms, { namespace: 'tenant-globex' }));
    expect(err).toBeInstanceOf(KubeApiError);
    expect((err as KubeApiError).status).toBe(403);
    expect(
      toUserError(err, { action: msg('action.list', { kinds: 'virtual machines' }) }).code,
    ).toBe('forbidden');
  });

  it('lets carol (viewer of acme) list but not delete in tenant-acme', async () => {
    const kube = kubeFor(demoViewer('carol').identity);
    expect(names((await kube.list(vms, { namespace: 'tenant-acme' })).items)).toContain(acmeVm);
    const err = await rejectionOf(kube.delete(vms, 'tenant-acme', acmeVm));
    expect((err as KubeApiError).status).toBe(403);
    expect(await canI(kube, [{ verb: 'delete', model: vms, namespace: 'tenant-acme' }])).toEqual([
      false,
    ]);
    expect(await admin.intact('kubevirt.io/v1', 'VirtualMachine', 'tenant-acme', acmeVm)).toBe(
      true,
    );
  });

  it('refuses bob (admin of globex) everything in tenant-acme', async () => {
    const kube = kubeFor(demoViewer('bob').identity);
    const err = await rejectionOf(kube.get(vms, 'tenant-acme', acmeVm));
    expect((err as KubeApiError).status).toBe(403);
    expect(
      await canI(kube, [
        { verb: 'get', model: vms, namespace: 'tenant-acme' },
        { verb: 'delete', model: vms, namespace: 'tenant-acme' },
        { verb: 'delete', model: vms, namespace: 'tenant-globex' },
      ]),
    ).toEqual([false, false, true]);
  });
});
