// VMs against the real API server and CRDs, as tenant members (impersonation through the dashboard
// identity). The simulator plays virt-controller and CDI, so VMs really come up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { english } from '../i18n/catalogs';
import { kubeFor, type KubeClient } from '../k8s/client';
import { KubeApiError, problemOf } from '../k8s/errors';
import { models } from '../k8s/models';
import { WriteSetError } from '../k8s/write-set';
import { Admin, refuseCreates, uniqueName, type TestTenant } from '../testing/admin';
import { keyLine } from '../testing/ssh-keys';
import { memberOf } from '../testing/viewers';
import { buildVm } from './build';
import { createVmSchema } from './schema';
import { defaultVm } from './draft';
import { createSet } from '../k8s/write-set';
import { vmSummary } from './status';
import type { DataVolumeObject } from './types';
import {
  addVmDisk,
  removeVmDisk,
  bootSources,
  createVmObjects,
  migrateVm,
  restoreVm,
  snapshotVm,
  deleteVm,
  powerVm,
  vmBuildContext,
  vmDeletePreview,
  vmPreflight,
} from './server';

const admin = new Admin();
let a: TestTenant;
let b: TestTenant;
const adminOf = (t: TestTenant) => kubeFor(memberOf(t.name, 'admins').identity);
const viewerOf = (t: TestTenant) => kubeFor(memberOf(t.name, 'viewers').identity);
const input = (name: string, extra: Partial<typeof defaultVm> = {}) =>
  createVmSchema.parse({ ...defaultVm, name, bootSource: 'ubuntu-24-04', ...extra });

async function eventually<T>(
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const vmOf = (kube: KubeClient, ns: string, name: string) =>
  kube.get(models.virtualmachines, ns, name);
const vmiOf = (ns: string, name: string) =>
  adminOf(a)
    .get(models.virtualmachineinstances, ns, name)
    .catch((e: unknown) =>
      e instanceof KubeApiError && e.status === 404 ? undefined : Promise.reject(e),
    );

beforeAll(async () => {
  a = await admin.createTenant(uniqueName('va'));
  b = await admin.createTenant(uniqueName('vb'));
});

afterAll(async () => {
  await admin.deleteTenant(a.name);
  await admin.deleteTenant(b.name);
});

describe('VM builders', () => {
  it('produce objects the real CRD schemas accept, for every catalog source', async () => {
    const kube = adminOf(a);
    for (const source of bootSources()) {
      const { vm, service } = buildVm(
        input(`dry-${source.id}`.slice(0, 40), {
          bootSource: source.id,
          dataDisks: [{ name: 'data', sizeGi: 5, storageClass: 'replicated' }],
          sshKeys: keyLine('ssh-ed25519'),
          exposeSsh: true,
        }),
        vmBuildContext(a.namespace),
        source,
      );
      const accepted = await kube.create(models.virtualmachines, vm, { dryRun: true });
      expect(accepted.spec?.dataVolumeTemplates).toHaveLength(2);
      if (service) await kube.create(models.services, service, { dryRun: true });
    }
  });
});

describe('creating a VM', () => {
  it('creates the VM and its SSH address, and the VM comes up with an address', async () => {
    const kube = adminOf(a);
    const name = uniqueName('vm');
    const vm = input(name, { sshKeys: keyLine('ssh-ed25519'), exposeSsh: true });
    expect(await vmPreflight(kube, a.namespace, vm)).toBeUndefined();
    await createVmObjects(kube, a.namespace, vm);
    expect((await kube.get(models.services, a.namespace, `${name}-ssh`)).spec).toMatchObject({
      type: 'LoadBalancer',
    });
    const running = await eventually(
      () => vmOf(kube, a.namespace, name),
      (v) => v.status?.printableStatus === 'Running',
      'the VM running',
    );
    expect(running.status?.ready).toBe(true);
    const vmi = await vmiOf(a.namespace, name);
    expect(vmi?.status?.interfaces?.[0]?.ipAddress).toMatch(/^10\.244\./);

    const again = await createVmObjects(kube, a.namespace, vm).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(WriteSetError);
    expect((again as WriteSetError).problem.code).toBe('alreadyExists');
  });

  it('leaves no VM behind when the API server refuses its SSH service', async () => {
    const policy = uniqueName('refuse-svc');
    const fault = refuseCreates(
      policy,
      a.namespace,
      { apiGroups: [''], resources: ['services'] },
      'false',
      'no services here',
    );
    await admin.apply(fault);
    try {
      const kube = adminOf(a);
      // Policies load asynchronously: wait until a probe Service is refused.
      await eventually(
        () =>
          kube
            .create(models.services, {
              apiVersion: 'v1',
              kind: 'Service',
              metadata: { name: uniqueName('probe'), namespace: a.namespace },
              spec: { ports: [{ port: 1 }] },
            })
            .then(
              async (o) => {
                await kube.delete(models.services, a.namespace, o.metadata?.name ?? '');
                return false;
              },
              () => true,
            ),
        (refused) => refused,
        'the admission policy',
      );
      const name = uniqueName('half');
      const err = await createVmObjects(
        kube,
        a.namespace,
        input(name, { sshKeys: keyLine('ssh-ed25519'), exposeSsh: true }),
      ).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WriteSetError);
      expect(english((err as WriteSetError).problem.message)).toContain('no services here');
      await eventually(
        () => admin.intact('kubevirt.io/v1', 'VirtualMachine', a.namespace, name),
        (v) => !v,
        'the VM rolled back',
      );
    } finally {
      await admin.removeAll(fault);
    }
  });

  it('refuses, before writing, an unknown class, an unknown size and a disk too small for its image', async () => {
    const kube = adminOf(a);
    const noClass = await vmPreflight(kube, a.namespace, input('x', { storageClass: 'gold' }));
    expect(noClass?.fields).toHaveProperty('storageClass');
    const noSize = await vmPreflight(kube, a.namespace, input('x', { instancetype: 'z9.huge' }));
    expect(english(noSize?.message ?? { key: 'common.name' })).toMatch(/z9.huge/);
    const small = await vmPreflight(
      kube,
      a.namespace,
      input('x', { bootSource: 'centos-stream-9', rootDiskGi: 2 }),
    );
    expect(small?.fields).toHaveProperty('rootDiskGi');
  });

  it('refuses a VM beyond the quota, naming what is short', async () => {
    const kube = adminOf(a);
    const p = await vmPreflight(
      kube,
      a.namespace,
      input('big', { instancetype: '', cpu: 64, memoryGi: 512 }),
    );
    expect(p?.code).toBe('quotaExceeded');
    expect(english(p?.message ?? { key: 'common.name' })).toMatch(/CPU|memory/i);
  });

  it('lets a viewer create nothing, and another tenant’s admin reach nothing', async () => {
    const denied = await createVmObjects(viewerOf(a), a.namespace, input(uniqueName('v'))).catch(
      (e: unknown) => e,
    );
    expect(problemOf(denied).code).toBe('forbidden');
    const other = await vmOf(adminOf(b), a.namespace, 'anything').catch((e: unknown) => e);
    expect(other).toBeInstanceOf(KubeApiError);
    expect((other as KubeApiError).status).toBe(403);
  });
});

describe('power and delete', () => {
  it('stops and starts a VM as its admin; a viewer may not', async () => {
    const kube = adminOf(a);
    const name = uniqueName('pw');
    await createVmObjects(kube, a.namespace, input(name));
    await eventually(
      () => vmOf(kube, a.namespace, name),
      (v) => v.status?.printableStatus === 'Running',
      'running',
    );
    const refused = await powerVm(viewerOf(a), a.namespace, name, 'stop').catch((e: unknown) => e);
    expect(problemOf(refused).code).toBe('forbidden');
    // Through virt-api's subresource, served by aggregation: not the runStrategy fallback.
    expect(await powerVm(kube, a.namespace, name, 'pause')).toEqual({ fallback: false });
    await eventually(
      () => vmOf(kube, a.namespace, name),
      (v) => v.status?.printableStatus === 'Paused',
      'paused',
    );
    const twice = await powerVm(kube, a.namespace, name, 'pause').catch((e: unknown) => e);
    expect(english(problemOf(twice).message)).toBe('The VM is already paused.');
    await powerVm(kube, a.namespace, name, 'unpause');
    await eventually(
      () => vmOf(kube, a.namespace, name),
      (v) => v.status?.printableStatus === 'Running',
      'resumed',
    );
    expect(await powerVm(kube, a.namespace, name, 'stop')).toEqual({ fallback: false });
    await eventually(
      () => vmOf(kube, a.namespace, name),
      (v) => v.status?.printableStatus === 'Stopped',
      'stopped',
    );
    expect(await vmiOf(a.namespace, name)).toBeUndefined();
    await powerVm(kube, a.namespace, name, 'start');
    await eventually(
      () => vmOf(kube, a.namespace, name),
      (v) => v.status?.printableStatus === 'Running',
      'running again',
    );
    const again = await powerVm(kube, a.namespace, name, 'start').catch((e: unknown) => e);
    expect(english(problemOf(again).message)).toBe('The VM is already running.');
  });

  it('previews and deletes a VM with its disks, or keeps them when asked', async () => {
    const kube = adminOf(a);
    const [gone, kept] = [uniqueName('del'), uniqueName('keep')];
    for (const n of [gone, kept])
      await createVmObjects(
        kube,
        a.namespace,
        input(n, {
          start: false,
          dataDisks: [{ name: 'data', sizeGi: 5, storageClass: 'replicated' }],
        }),
      );
    for (const n of [gone, kept])
      await eventually(
        () => kube.list(models.datavolumes, { namespace: a.namespace }),
        (l) => l.items.filter((d) => d.metadata?.name?.startsWith(n)).length === 2,
        'disks',
      );
    expect(
      (await vmDeletePreview(kube, a.namespace, gone)).map((r) => `${r.kind}/${r.name}`),
    ).toEqual([`VirtualMachine/${gone}`, `DataVolume/${gone}-root`, `DataVolume/${gone}-data`]);
    const refused = await deleteVm(viewerOf(a), a.namespace, gone, false).catch((e: unknown) => e);
    expect(problemOf(refused).code).toBe('forbidden');
    await deleteVm(kube, a.namespace, gone, false);
    await deleteVm(kube, a.namespace, kept, true);
    await eventually(
      () => kube.list(models.datavolumes, { namespace: a.namespace }),
      (l) =>
        !l.items.some((d) => d.metadata?.name?.startsWith(gone) && !d.metadata.deletionTimestamp),
      'the deleted VM’s disks gone',
    );
    const left = await kube.list(models.datavolumes, { namespace: a.namespace });
    expect(
      left.items
        .filter((d) => d.metadata?.name?.startsWith(kept))
        .map((d) => d.metadata?.name)
        .sort(),
    ).toEqual([`${kept}-data`, `${kept}-root`]);
    expect(await admin.intact('kubevirt.io/v1', 'VirtualMachine', a.namespace, kept)).toBe(false);
  });
});

describe('migration, snapshots and broken disks', () => {
  const summaryOf = async (kube: KubeClient, name: string) => {
    const [vm, vmi, dvs, migrations] = await Promise.all([
      vmOf(kube, a.namespace, name),
      vmiOf(a.namespace, name),
      kube.list(models.datavolumes, { namespace: a.namespace }),
      kube.list(models.virtualmachineinstancemigrations, { namespace: a.namespace }),
    ]);
    const byName = new Map<string, DataVolumeObject>(
      dvs.items.map((d) => [d.metadata?.name ?? '', d]),
    );
    return vmSummary(vm, vmi, byName, migrations.items);
  };

  it('live-migrates a VM on shared disks to another node, through virt-api', async () => {
    const kube = adminOf(a);
    const name = uniqueName('mig');
    await createVmObjects(kube, a.namespace, input(name));
    const before = await eventually(
      () => summaryOf(kube, name),
      (s) => s.running && !!s.migratable?.ok,
      'running, migratable',
    );
    await migrateVm(kube, a.namespace, name);
    const after = await eventually(
      () => summaryOf(kube, name),
      (s) => s.migration?.phase === 'Succeeded',
      'the migration done',
    );
    expect(after.node).toBeDefined();
    expect(after.node).not.toBe(before.node);
    expect(after.migration).toMatchObject({ sourceNode: before.node, targetNode: after.node });
  });

  it('refuses to migrate a VM whose disk is not shared, with a sentence', async () => {
    const kube = adminOf(a);
    const name = uniqueName('rwo');
    const ctx = { ...vmBuildContext(a.namespace) };
    const { vm } = buildVm(
      input(name),
      { ...ctx, vms: { ...ctx.vms, diskAccessMode: 'ReadWriteOnce' } },
      bootSources()[0],
    );
    await createSet(kube, [vm]);
    const s = await eventually(
      () => summaryOf(kube, name),
      (x) => x.running && x.migratable?.ok === false,
      'running, not migratable',
    );
    expect(s.migratable?.message).toMatch(/is not shared/);
    const err = await migrateVm(kube, a.namespace, name).catch((e: unknown) => e);
    expect(english(problemOf(err).message)).toBe(
      'This VM cannot be live-migrated: its disks or devices are not shared between hosts.',
    );
  });

  it('snapshots a VM and restores it once stopped; a running VM is refused first', async () => {
    const kube = adminOf(a);
    const name = uniqueName('snap');
    await createVmObjects(kube, a.namespace, input(name));
    await eventually(
      () => summaryOf(kube, name),
      (s) => s.running,
      'running',
    );
    await snapshotVm(kube, a.namespace, name, `${name}-s1`);
    await eventually(
      () => kube.get(models.virtualmachinesnapshots, a.namespace, `${name}-s1`),
      (x) => x.status?.readyToUse === true,
      'the snapshot ready',
    );
    const early = await restoreVm(kube, a.namespace, name, `${name}-s1`).catch((e: unknown) => e);
    expect(english(problemOf(early).message)).toMatch(/^Stop the VM first/);
    await powerVm(kube, a.namespace, name, 'stop');
    await eventually(
      () => vmiOf(a.namespace, name),
      (v) => v === undefined,
      'stopped',
    );
    const restore = await restoreVm(kube, a.namespace, name, `${name}-s1`);
    await eventually(
      () => kube.get(models.virtualmachinerestores, a.namespace, restore),
      (r) => r.status?.complete === true,
      'the restore complete',
    );
    const vm = await vmOf(kube, a.namespace, name);
    expect(vm.spec?.template?.spec?.volumes?.[0]?.dataVolume?.name).toMatch(/^restore-/);
  });

  it("shows CDI's reason when a disk cannot be imported", async () => {
    const kube = adminOf(a);
    const name = uniqueName('dead');
    const broken = {
      id: 'gone',
      displayName: 'Gone',
      minDiskGi: 1,
      source: { http: 'https://images.example.invalid/gone.qcow2' },
    };
    const { vm } = buildVm(input(name, { bootSource: '' }), vmBuildContext(a.namespace), broken);
    await createSet(kube, [vm]);
    const s = await eventually(
      () => summaryOf(kube, name),
      (x) => !!x.disks[0]?.failure,
      'the import failing',
    );
    expect(s.tone).toBe('error');
    expect(english(s.summary)).toMatch(
      /^Disk root could not be prepared: Unable to connect to http data source/,
    );
  });
});

describe('data disks of an existing VM', () => {
  it('adds a blank disk that CDI provisions, and removes it with its volume; never the root disk', async () => {
    const kube = adminOf(a);
    const name = uniqueName('disk');
    await createVmObjects(kube, a.namespace, input(name, { start: false }));
    await addVmDisk(kube, a.namespace, name, {
      name: 'data',
      sizeGi: 5,
      storageClass: 'replicated',
    });
    const vm = await vmOf(kube, a.namespace, name);
    expect(vm.spec?.template?.spec?.volumes?.map((v) => v.name)).toEqual(['root', 'data']);
    await eventually(
      () => kube.get(models.datavolumes, a.namespace, `${name}-data`).catch(() => undefined),
      (d) => d?.status?.phase === 'Succeeded',
      'the new disk provisioned',
    );
    const taken = await addVmDisk(kube, a.namespace, name, {
      name: 'data',
      sizeGi: 5,
      storageClass: 'replicated',
    }).catch((e: unknown) => e);
    expect(problemOf(taken).fields).toHaveProperty('name');
    const viewer = await addVmDisk(viewerOf(a), a.namespace, name, {
      name: 'more',
      sizeGi: 5,
      storageClass: 'replicated',
    }).catch((e: unknown) => e);
    expect(problemOf(viewer).code).toBe('forbidden');

    await removeVmDisk(kube, a.namespace, name, 'data');
    expect(
      (await vmOf(kube, a.namespace, name)).spec?.template?.spec?.volumes?.map((v) => v.name),
    ).toEqual(['root']);
    await eventually(
      () => admin.intact('cdi.kubevirt.io/v1beta1', 'DataVolume', a.namespace, `${name}-data`),
      (v) => !v,
      'the removed disk deleted',
    );
    const root = await removeVmDisk(kube, a.namespace, name, 'root').catch((e: unknown) => e);
    expect(english(problemOf(root).message)).toBe(
      'The root disk cannot be removed; delete the VM instead.',
    );
  });
});
