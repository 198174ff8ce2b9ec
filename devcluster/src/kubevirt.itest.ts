// KubeVirt and CDI behaviour the simulator plays, against the real API server and CRD schemas:
// live migration, pause, snapshots and restores, importer failures. Runs against the `test`
// profile (see devcluster.itest.ts for the cluster itself).
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { eventually as poll } from './eventually.testing.ts';
import { loadKubeconfig } from './kube.ts';
import { SeedClient } from './seed/client.ts';
import { tenantObjects } from './seed/tenants.ts';
import { dataVolumeObject, images, vmObject } from './seed/workloads.ts';
import { Rest } from './simulator/kube/rest.ts';
import type { KObj } from './simulator/kube/types.ts';

const adminFile =
  process.env.STRATUS_TEST_ADMIN_KUBECONFIG ??
  path.resolve('.devcluster', 'test', 'admin.kubeconfig');
const admin = new Rest(loadKubeconfig(adminFile), { fieldManager: 'stratus-itest' });
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
const tenant = { name: `kv-${run}`, displayName: `KubeVirt ${run}`, namespace: `tenant-kv-${run}` };
const ns = tenant.namespace;

interface Cond {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}
type Obj = KObj & { spec?: Record<string, unknown>; status?: Record<string, unknown> };

// Imports and migrations take longer here than the plain seed checks.
const eventually = <T>(what: string, fn: () => Promise<T | undefined | false>, ms = 45_000) =>
  poll(what, fn, ms);

const kv = (res: string, name = '') =>
  `/apis/kubevirt.io/v1/namespaces/${ns}/${res}${name ? `/${name}` : ''}`;
const snap = (res: string, name = '') =>
  `/apis/snapshot.kubevirt.io/v1beta1/namespaces/${ns}/${res}${name ? `/${name}` : ''}`;
const cdi = (name = '') =>
  `/apis/cdi.kubevirt.io/v1beta1/namespaces/${ns}/datavolumes${name ? `/${name}` : ''}`;
const get = (p: string) => admin.find<Obj>(p);
const conds = (o: Obj | undefined) => (o?.status?.conditions as Cond[] | undefined) ?? [];
const cond = (o: Obj | undefined, type: string) => conds(o).find((c) => c.type === type);

const paths = new SeedClient(adminFile, () => {});
async function createAll(objs: KObj[]): Promise<void> {
  for (const o of objs) {
    const p = await paths.pathOf(o);
    await admin.create(p.slice(0, p.lastIndexOf('/')), o);
  }
}

async function eventsFor(name: string): Promise<{ reason: string; message: string }[]> {
  const l = await admin.list<KObj & { reason: string; message: string }>(
    `/api/v1/namespaces/${ns}/events`,
    { fieldSelector: `involvedObject.name=${name}` },
  );
  return l.items.map((e) => ({ reason: e.reason, message: e.message }));
}

function vm(
  name: string,
  opts: { rwo?: boolean; image?: string; size?: string; halted?: boolean } = {},
): KObj {
  const o = vmObject({
    name,
    namespace: ns,
    instancetype: 'u1.small',
    preference: 'ubuntu',
    image: opts.image ?? images.ubuntu,
    rootSize: opts.size ?? '10Gi',
    storageClass: 'replicated',
    runStrategy: opts.halted ? 'Halted' : 'Always',
  }) as KObj & {
    spec: { dataVolumeTemplates: { spec: { storage: Record<string, unknown> } }[] };
  };
  const root = o.spec.dataVolumeTemplates[0];
  if (opts.rwo && root)
    root.spec.storage = {
      ...root.spec.storage,
      accessModes: ['ReadWriteOnce'],
      volumeMode: 'Filesystem',
    };
  return o;
}

async function running(name: string): Promise<Obj> {
  await eventually(`VM ${name} to run`, async () => {
    const v = await get(kv('virtualmachines', name));
    return v?.status?.printableStatus === 'Running' && v;
  });
  return eventually(`VMI ${name} to report LiveMigratable`, async () => {
    const i = await get(kv('virtualmachineinstances', name));
    return cond(i, 'LiveMigratable') && i;
  });
}

const migration = (name: string, vmiName: string): KObj => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachineInstanceMigration',
  metadata: { name },
  spec: { vmiName },
});

beforeAll(async () => {
  await createAll(tenantObjects(tenant));
  await createAll([
    vm('mig'),
    vm('rwo', { rwo: true }),
    vm('unreachable', { image: 'https://images.example.invalid/disk.qcow2' }),
    vm('snapvm', { halted: true }),
  ]);
});

afterAll(async () => {
  await admin.delete(`/api/v1/namespaces/${ns}`).catch(() => {});
  admin.close();
  paths.close();
});

describe('live migration', () => {
  it('moves a live-migratable VM to another node and ends Succeeded', async () => {
    const before = await running('mig');
    expect(cond(before, 'LiveMigratable')?.status).toBe('True');
    const source = before.status?.nodeName as string;
    await admin.create(kv('virtualmachineinstancemigrations'), migration('mig-1', 'mig'));
    const seen = new Set<string>();
    const vmStatuses = new Set<string>();
    const done = await eventually('the migration to succeed', async () => {
      const m = await get(kv('virtualmachineinstancemigrations', 'mig-1'));
      const v = await get(kv('virtualmachines', 'mig'));
      if (typeof m?.status?.phase === 'string') seen.add(m.status.phase);
      if (typeof v?.status?.printableStatus === 'string') vmStatuses.add(v.status.printableStatus);
      return m?.status?.phase === 'Succeeded' && !m.metadata.finalizers?.length && m;
    });
    expect([...seen]).toEqual(expect.arrayContaining(['Running', 'Succeeded']));
    expect(vmStatuses.has('Migrating')).toBe(true);
    const phases = (done.status?.phaseTransitionTimestamps as { phase: string }[]).map(
      (t) => t.phase,
    );
    expect(phases).toEqual([
      'Pending',
      'Scheduling',
      'Scheduled',
      'PreparingTarget',
      'TargetReady',
      'Running',
      'Succeeded',
    ]);
    const vmi = await get(kv('virtualmachineinstances', 'mig'));
    const state = vmi?.status?.migrationState as Record<string, unknown>;
    expect(state).toMatchObject({
      sourceNode: source,
      completed: true,
      mode: 'PreCopy',
      migrationUid: done.metadata.uid,
    });
    expect(state.targetNode).not.toBe(source);
    expect(vmi?.status?.nodeName).toBe(state.targetNode);
    expect(vmi?.metadata.labels?.['kubevirt.io/nodeName']).toBe(state.targetNode);
    // The API server kept what the CRD schema knows: the final state is copied to the migration.
    expect(done.status?.migrationState).toMatchObject({
      completed: true,
      targetNode: state.targetNode,
    });
    expect(
      (done.status?.migrationState as { migrationConfiguration?: unknown }).migrationConfiguration,
    ).toMatchObject({ completionTimeoutPerGiB: 150, progressTimeout: 150 });
    const events = await eventsFor('mig-1');
    expect(events).toContainEqual({
      reason: 'SuccessfulMigration',
      message: 'Source node reported migration succeeded',
    });
    expect(await eventsFor('mig')).toContainEqual({
      reason: 'Migrated',
      message: `The VirtualMachineInstance migrated to node ${String(state.targetNode)}.`,
    });
    await eventually('the VM to show Running again', async () => {
      const v = await get(kv('virtualmachines', 'mig'));
      return v?.status?.printableStatus === 'Running';
    });
  });

  it("fails the migration of a VM on a ReadWriteOnce disk with virt-api's reason", async () => {
    const vmi = await running('rwo');
    const lm = cond(vmi, 'LiveMigratable');
    expect(lm).toMatchObject({ status: 'False', reason: 'DisksNotLiveMigratable' });
    expect(lm?.message).toBe(
      'cannot migrate VMI: PVC rwo-root is not shared, live migration requires that all PVCs must be shared (using ReadWriteMany access mode)',
    );
    // The VM carries the VMI's conditions, as virt-controller's syncConditions does.
    const v = await get(kv('virtualmachines', 'rwo'));
    expect(cond(v, 'LiveMigratable')?.reason).toBe('DisksNotLiveMigratable');
    await admin.create(kv('virtualmachineinstancemigrations'), migration('rwo-1', 'rwo'));
    await eventually('the migration to fail', async () => {
      const m = await get(kv('virtualmachineinstancemigrations', 'rwo-1'));
      return m?.status?.phase === 'Failed';
    });
    expect(await eventsFor('rwo-1')).toContainEqual({
      reason: 'FailedMigration',
      message: `Cannot migrate VMI, Reason: DisksNotLiveMigratable, Message: ${lm?.message ?? ''}`,
    });
    expect((await get(kv('virtualmachineinstances', 'rwo')))?.status?.nodeName).toBe(
      vmi.status?.nodeName,
    );
  });

  it('aborts a running migration when it is deleted and leaves the VM on its node', async () => {
    const vmi = await eventually('the first migration to settle', async () => {
      const i = await get(kv('virtualmachineinstances', 'mig'));
      const s = i?.status?.migrationState as { completed?: boolean } | undefined;
      return s?.completed && i;
    });
    const node = vmi.status?.nodeName;
    await admin.create(kv('virtualmachineinstancemigrations'), migration('mig-2', 'mig'));
    await eventually('the migration to run', async () => {
      const m = await get(kv('virtualmachineinstancemigrations', 'mig-2'));
      return m?.status?.phase === 'Running';
    });
    await admin.delete(kv('virtualmachineinstancemigrations', 'mig-2'));
    await eventually('the migration to be gone', async () => {
      return !(await get(kv('virtualmachineinstancemigrations', 'mig-2')));
    });
    const after = await get(kv('virtualmachineinstances', 'mig'));
    expect(after?.status?.nodeName).toBe(node);
    expect(after?.status?.migrationState).toMatchObject({
      abortStatus: 'Succeeded',
      failed: true,
      failureReason: 'Live migration has been aborted',
    });
    expect(await eventsFor('mig-2')).toContainEqual({
      reason: 'FailedMigration',
      message: 'source node reported migration failed',
    });
  });
});

describe('pause', () => {
  it('shows Paused when the VMI reports Paused, and copies the condition to the VM', async () => {
    const vmi = await running('rwo');
    const paused: Cond = {
      type: 'Paused',
      status: 'True',
      reason: 'PausedByUser',
      message: 'VMI was paused by user',
    };
    // What virt-handler writes after virt-api's pause.
    await admin.mergePatch(kv('virtualmachineinstances', 'rwo'), {
      metadata: { resourceVersion: vmi.metadata.resourceVersion },
      status: { conditions: [...conds(vmi), paused] },
    });
    const v = await eventually('the VM to show Paused', async () => {
      const o = await get(kv('virtualmachines', 'rwo'));
      return o?.status?.printableStatus === 'Paused' && o;
    });
    expect(cond(v, 'Paused')).toMatchObject({ status: 'True', reason: 'PausedByUser' });
    const now = await get(kv('virtualmachineinstances', 'rwo'));
    await admin.mergePatch(kv('virtualmachineinstances', 'rwo'), {
      metadata: { resourceVersion: now?.metadata.resourceVersion },
      status: { conditions: conds(now).filter((c) => c.type !== 'Paused') },
    });
    await eventually('the VM to run again', async () => {
      const o = await get(kv('virtualmachines', 'rwo'));
      return o?.status?.printableStatus === 'Running' && !cond(o, 'Paused');
    });
  });
});

describe('CDI importer failures', () => {
  it("keeps an unreachable source failing with CDI's message, and the VM shows DataVolumeError", async () => {
    const dv = await eventually('the importer to fail and restart', async () => {
      const d = await get(cdi('unreachable-root'));
      return (d?.status?.restartCount as number) >= 1 && d;
    });
    expect(dv.status?.phase).toBe('ImportInProgress');
    expect(cond(dv, 'Running')).toMatchObject({
      status: 'False',
      reason: 'Error',
      message:
        'Unable to connect to http data source: HTTP request errored: Get "https://images.example.invalid/disk.qcow2": dial tcp: lookup images.example.invalid on 10.96.0.10:53: no such host',
    });
    const v = await eventually('the VM to show DataVolumeError', async () => {
      const o = await get(kv('virtualmachines', 'unreachable'));
      return o?.status?.printableStatus === 'DataVolumeError' && o;
    });
    expect(v.status?.created).toBe(false);
    expect(await eventsFor('unreachable-root')).toContainEqual(
      expect.objectContaining({ reason: 'Error' }),
    );
  });

  it("fails a DataVolume smaller than its image with CDI's message", async () => {
    await createAll([dataVolumeObject('tiny', ns, images.centos, '5Gi', 'replicated')]);
    const dv = await eventually('the size check to fail', async () => {
      const d = await get(cdi('tiny'));
      return cond(d, 'Running')?.reason === 'Error' && d;
    });
    expect(cond(dv, 'Running')?.message).toBe('DataVolume too small to contain image');
    const claimEvents = await eventually('the claim event', async () => {
      const e = (await eventsFor('tiny')).filter((x) => x.reason === 'ErrImportFailed');
      return e.length > 0 && e;
    });
    expect(claimEvents[0]?.message).toBe(
      `Unable to process data: Unable to convert source data to target format: virtual image size ${10 * 2 ** 30} is larger than the reported available storage ${5 * 2 ** 30}. A larger PVC is required`,
    );
  });
});

const snapshotOf = (name: string, vmName: string): KObj => ({
  apiVersion: 'snapshot.kubevirt.io/v1beta1',
  kind: 'VirtualMachineSnapshot',
  metadata: { name },
  spec: { source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: vmName } },
});
const restoreOf = (name: string, vmName: string, snapshot: string): KObj => ({
  apiVersion: 'snapshot.kubevirt.io/v1beta1',
  kind: 'VirtualMachineRestore',
  metadata: { name },
  spec: {
    target: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: vmName },
    virtualMachineSnapshotName: snapshot,
  },
});

describe('snapshots and restores', () => {
  it('snapshots a stopped VM and restores it, rewriting its volumes', async () => {
    await eventually('the halted VM’s disk to be imported', async () => {
      const d = await get(cdi('snapvm-root'));
      return d?.status?.phase === 'Succeeded';
    });
    const vmBefore = await get(kv('virtualmachines', 'snapvm'));
    await admin.create(snap('virtualmachinesnapshots'), snapshotOf('snap-1', 'snapvm'));
    const s = await eventually('the snapshot to succeed', async () => {
      const o = await get(snap('virtualmachinesnapshots', 'snap-1'));
      return o?.status?.phase === 'Succeeded' && o.status.readyToUse === true && o;
    });
    expect(s.status).toMatchObject({
      sourceUID: vmBefore?.metadata.uid,
      snapshotVolumes: { includedVolumes: ['root'], excludedVolumes: ['cloudinit'] },
      virtualMachineSnapshotContentName: `vmsnapshot-content-${s.metadata.uid ?? ''}`,
    });
    expect(typeof s.status?.creationTime).toBe('string');
    expect(cond(s, 'Ready')).toMatchObject({ status: 'True', reason: 'Ready' });
    expect(cond(s, 'Progressing')).toMatchObject({ status: 'False', reason: 'Operation complete' });
    const vs = await get(
      `/apis/snapshot.storage.k8s.io/v1/namespaces/${ns}/volumesnapshots/vmsnapshot-${s.metadata.uid ?? ''}-volume-root`,
    );
    expect(vs?.status?.readyToUse).toBe(true);
    expect(vs?.spec?.volumeSnapshotClassName).toBe('linstor-snapshots');
    await eventually('the VM to be unlocked', async () => {
      const v = await get(kv('virtualmachines', 'snapvm'));
      return !v?.status?.snapshotInProgress && !v?.metadata.finalizers?.length && v;
    });

    await admin.create(snap('virtualmachinerestores'), restoreOf('restore-1', 'snapvm', 'snap-1'));
    const r = await eventually('the restore to complete', async () => {
      const o = await get(snap('virtualmachinerestores', 'restore-1'));
      return o?.status?.complete === true && o;
    });
    expect(typeof r.status?.restoreTime).toBe('string');
    expect(cond(r, 'Ready')).toMatchObject({ status: 'True', reason: 'Operation complete' });
    const restored = `restore-${r.metadata.uid ?? ''}-root`;
    const v = await get(kv('virtualmachines', 'snapvm'));
    const spec = v?.spec as {
      template: { spec: { volumes: { name: string; dataVolume?: { name: string } }[] } };
      dataVolumeTemplates: { metadata: { name: string } }[];
    };
    expect(spec.template.spec.volumes.find((x) => x.name === 'root')?.dataVolume?.name).toBe(
      restored,
    );
    expect(spec.dataVolumeTemplates.map((t) => t.metadata.name)).toEqual([restored]);
    expect(v?.metadata.annotations?.['restore.kubevirt.io/lastRestoreUID']).toBe(
      `restore-1-${r.metadata.uid ?? ''}`,
    );
    const pvc = await get(`/api/v1/namespaces/${ns}/persistentvolumeclaims/${restored}`);
    expect(pvc?.spec?.dataSource).toMatchObject({
      kind: 'VolumeSnapshot',
      name: vs?.metadata.name,
    });
    await eventually('the restored DataVolume to succeed and the old one to go', async () => {
      const d = await get(cdi(restored));
      return d?.status?.phase === 'Succeeded' && !(await get(cdi('snapvm-root')));
    });
    expect(v?.status?.restoreInProgress ?? null).toBeNull();
  });

  it('holds a restore of a running VM with the restore controller’s message', async () => {
    await running('mig');
    await admin.create(snap('virtualmachinesnapshots'), snapshotOf('snap-mig', 'mig'));
    const s = await eventually('the online snapshot to succeed', async () => {
      const o = await get(snap('virtualmachinesnapshots', 'snap-mig'));
      return o?.status?.phase === 'Succeeded' && o;
    });
    expect(s.status?.indications).toEqual(['Online', 'GuestAgent']);
    await admin.create(snap('virtualmachinerestores'), restoreOf('restore-mig', 'mig', 'snap-mig'));
    const r = await eventually('the restore to wait for the VM', async () => {
      const o = await get(snap('virtualmachinerestores', 'restore-mig'));
      return cond(o, 'Progressing')?.reason?.startsWith('Waiting for target VM') && o;
    });
    expect(cond(r, 'Progressing')).toMatchObject({
      status: 'False',
      reason:
        'Waiting for target VM to be powered off. Please stop the restore target to proceed with restore, or the operation will fail after 5m0s',
    });
    expect(r.status?.complete).toBe(false);
    // Events are written after the status; wait for this one.
    await eventually('the RestoreTargetNotReady event', async () =>
      (await eventsFor('restore-mig')).some(
        (e) =>
          e.reason === 'RestoreTargetNotReady' &&
          e.message ===
            'Restore target VMI still exists, please stop the restore target to proceed with restore',
      ),
    );
  });
});

describe('the boot-source catalog', () => {
  const images = '/apis/cdi.kubevirt.io/v1beta1/namespaces/stratus-images';
  it('has golden DataSources that become Ready', async () => {
    const ds = await eventually(
      'the golden images to be Ready',
      async () => {
        const l = await admin.list<Obj>(`${images}/datasources`, {
          labelSelector: 'stratus.dev/boot-source=true',
        });
        return (
          l.items.length >= 4 &&
          l.items.every((d) => cond(d, 'Ready')?.status === 'True') &&
          l.items
        );
      },
      90_000,
    );
    const ubuntu = ds.find((d) => d.metadata.name === 'ubuntu-2404');
    expect(ubuntu?.metadata.labels?.['instancetype.kubevirt.io/default-preference']).toBe('ubuntu');
    expect(cond(ubuntu, 'Ready')?.message).toBe('DataSource is ready to be consumed');
  });

  it('lets a tenant user clone from stratus-images (datavolumes/source create)', async () => {
    const review = await admin.create<Obj>('/apis/authorization.k8s.io/v1/subjectaccessreviews', {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SubjectAccessReview',
      metadata: { name: '' },
      spec: {
        user: 'oidc:alice@acme.example',
        groups: ['oidc:tenant-acme-admins', 'system:authenticated'],
        resourceAttributes: {
          group: 'cdi.kubevirt.io',
          resource: 'datavolumes',
          subresource: 'source',
          verb: 'create',
          namespace: 'stratus-images',
        },
      },
    });
    expect(review.status?.allowed).toBe(true);
    await createAll([
      {
        apiVersion: 'cdi.kubevirt.io/v1beta1',
        kind: 'DataVolume',
        metadata: { name: 'from-golden', namespace: ns },
        spec: {
          sourceRef: { kind: 'DataSource', name: 'debian-12', namespace: 'stratus-images' },
          storage: { resources: { requests: { storage: '5Gi' } } },
        },
      },
    ]);
    await eventually('the clone to succeed', async () => {
      const d = await get(cdi('from-golden'));
      return d?.status?.phase === 'Succeeded';
    });
  });
});
