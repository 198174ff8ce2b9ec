// Volumes against the real API server, CRDs and the LINSTOR API stand-in, as tenant members
// (impersonation through the dashboard identity). The simulator plays linstor-csi, so claims bind,
// grow and snapshot; the stand-in places their replicas and follows satellite outages.
import type { KubernetesObject } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { english } from '../i18n/catalogs';
import { kubeFor } from '../k8s/client';
import { problemOf } from '../k8s/errors';
import { models } from '../k8s/models';
import { Admin, uniqueName, type TestTenant } from '../testing/admin';
import { demoViewer, memberOf } from '../testing/viewers';
import { createVolumeSchema } from './schema';
import {
  createVolume,
  deleteVolume,
  expandVolume,
  snapshotVolume,
  storageOverview,
  volumeHealth,
} from './server';

const admin = new Admin();
let a: TestTenant;
let b: TestTenant;
const adminOf = (t: TestTenant) => kubeFor(memberOf(t.name, 'admins').identity);
const viewerOf = (t: TestTenant) => kubeFor(memberOf(t.name, 'viewers').identity);
const volume = (name: string, extra: Record<string, unknown> = {}) =>
  createVolumeSchema.parse({ name, sizeGi: 2, storageClass: 'replicated', ...extra });

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The sentence a refusal says, in English. */
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'no refusal',
    (e: unknown) => english(problemOf(e).message),
  );

const pvcOf = (t: TestTenant, name: string) =>
  adminOf(t).get(models.persistentvolumeclaims, t.namespace, name);
const bound = (t: TestTenant, name: string) =>
  eventually(
    () => pvcOf(t, name),
    (p) => p.status?.phase === 'Bound',
    `${name} Bound`,
  );
const healthOf = async (t: TestTenant, name: string) => {
  const h = await volumeHealth(adminOf(t), t.namespace, [name]);
  return h.ok ? h.volumes[name] : undefined;
};

beforeAll(async () => {
  a = await admin.createTenant(uniqueName('vol'));
  b = await admin.createTenant(uniqueName('volb'));
});

afterAll(async () => {
  await admin.deleteTenant(a.name);
  await admin.deleteTenant(b.name);
});

describe('volumes', () => {
  it('creates a volume that binds with 2/2 UpToDate replicas, seen by its own tenant only', async () => {
    const name = uniqueName('data');
    await createVolume(adminOf(a), a.namespace, volume(name));
    const pvc = await bound(a, name);
    expect(pvc.spec?.volumeMode).toBe('Block');
    const h = await eventually(
      () => healthOf(a, name),
      (x) => (x?.replicas.length ?? 0) > 0,
      'replicas',
    );
    expect(h).toMatchObject({
      resource: pvc.spec?.volumeName,
      upToDate: 2,
      expected: 2,
      degraded: false,
    });
    // A tie-breaker joins the two data replicas; all three on different nodes.
    expect(new Set(h?.replicas.map((r) => r.node)).size).toBe(h?.replicas.length);
    // The viewer sees it; the other tenant's health lists none of it, and it can't create there.
    expect((await volumeHealth(viewerOf(a), a.namespace)).ok).toBe(true);
    const other = await volumeHealth(adminOf(b), b.namespace);
    expect(other.ok && Object.keys(other.volumes)).toEqual([]);
    expect(await refusal(volumeHealth(adminOf(b), a.namespace))).toMatch(/permission/);
    expect(await refusal(createVolume(viewerOf(a), a.namespace, volume(uniqueName('v'))))).toMatch(
      /permission/,
    );
    // A double submit: the second is a clear sentence, not a second claim.
    expect(await refusal(createVolume(adminOf(a), a.namespace, volume(name)))).toBe(
      `A volume named "${name}" already exists. Pick another name.`,
    );
  });

  it('expands, and refuses shrinking, the same size and a class without expansion', async () => {
    const name = uniqueName('grow');
    await createVolume(adminOf(a), a.namespace, volume(name, { sizeGi: 5 }));
    await bound(a, name);
    expect(await refusal(expandVolume(adminOf(a), a.namespace, name, 3))).toBe(
      'A volume cannot shrink: it holds 5 GiB. Pick more than 5 GiB.',
    );
    expect(await refusal(expandVolume(adminOf(a), a.namespace, name, 5))).toMatch(
      /already holds 5 GiB/,
    );
    await expandVolume(adminOf(a), a.namespace, name, 8);
    await eventually(
      () => pvcOf(a, name),
      (p) => p.status?.capacity?.storage === '8Gi',
      'resize',
    );

    const fixed = uniqueName('fixed');
    const sc = {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: fixed },
      provisioner: 'linstor.csi.linbit.com',
      allowVolumeExpansion: false,
      volumeBindingMode: 'Immediate',
      parameters: {
        'linstor.csi.linbit.com/placementCount': '1',
        'linstor.csi.linbit.com/storagePool': 'data',
      },
    } as KubernetesObject;
    await admin.apply([sc]);
    try {
      const small = uniqueName('fx');
      await createVolume(adminOf(a), a.namespace, volume(small, { storageClass: fixed }));
      await bound(a, small);
      expect(await refusal(expandVolume(adminOf(a), a.namespace, small, 10))).toBe(
        `Storage class ${fixed} does not allow expanding volumes.`,
      );
      expect((await pvcOf(a, small)).spec?.resources?.requests?.storage).toBe('2Gi');
    } finally {
      await admin.remove(sc);
    }
  });

  it('snapshots, restores into a new volume and clones; bad sources create nothing', async () => {
    const name = uniqueName('src');
    await createVolume(adminOf(a), a.namespace, volume(name, { sizeGi: 4 }));
    await bound(a, name);
    const snap = uniqueName('snap');
    await snapshotVolume(adminOf(a), a.namespace, name, snap);
    const vs = await eventually(
      () => adminOf(a).get(models.volumesnapshots, a.namespace, snap),
      (s) => s.status?.readyToUse === true,
      'snapshot ready',
    );
    expect(vs.spec?.volumeSnapshotClassName).toBe('linstor-snapshots');

    const tooSmall = uniqueName('rs');
    expect(
      await refusal(
        createVolume(
          adminOf(a),
          a.namespace,
          volume(tooSmall, { sourceKind: 'snapshot', sourceName: snap }),
        ),
      ),
    ).toBe('The new volume must hold the source: at least 4 GiB.');
    expect(await refusal(pvcOf(a, tooSmall))).toMatch(/no longer exists/);

    const restored = uniqueName('rs');
    await createVolume(
      adminOf(a),
      a.namespace,
      volume(restored, { sizeGi: 4, sourceKind: 'snapshot', sourceName: snap }),
    );
    expect((await pvcOf(a, restored)).spec?.dataSource).toMatchObject({
      kind: 'VolumeSnapshot',
      name: snap,
    });
    await bound(a, restored);

    expect(
      await refusal(
        createVolume(
          adminOf(a),
          a.namespace,
          volume(uniqueName('cl'), {
            sizeGi: 4,
            storageClass: 'local',
            sourceKind: 'volume',
            sourceName: name,
          }),
        ),
      ),
    ).toBe('A clone must use the source’s storage class (replicated).');
    const clone = uniqueName('cl');
    await createVolume(
      adminOf(a),
      a.namespace,
      volume(clone, { sizeGi: 4, sourceKind: 'volume', sourceName: name }),
    );
    await bound(a, clone);
  });

  it('refuses deleting a volume a VM uses, unless detaching is confirmed', async () => {
    const name = uniqueName('disk');
    await createVolume(adminOf(a), a.namespace, volume(name));
    const vmName = uniqueName('vm');
    await admin.apply([
      {
        apiVersion: 'kubevirt.io/v1',
        kind: 'VirtualMachine',
        metadata: { name: vmName, namespace: a.namespace },
        spec: {
          runStrategy: 'Halted',
          template: {
            spec: {
              domain: { devices: { disks: [{ name: 'data', disk: { bus: 'virtio' } }] } },
              volumes: [{ name: 'data', persistentVolumeClaim: { claimName: name } }],
            },
          },
        },
      } as KubernetesObject,
    ]);
    expect(await refusal(deleteVolume(adminOf(a), a.namespace, name, false))).toBe(
      `Used by ${vmName}. Confirm detaching it from them to delete it.`,
    );
    expect((await pvcOf(a, name)).metadata?.deletionTimestamp).toBeUndefined();
    await deleteVolume(adminOf(a), a.namespace, name, true);
    const vm = await adminOf(a).get(models.virtualmachines, a.namespace, vmName);
    expect(vm.spec?.template?.spec?.volumes ?? []).toEqual([]);
    await eventually(
      () => refusal(pvcOf(a, name)),
      (m) => m !== 'no refusal',
      'claim gone',
    );
  });

  it('turns a stopped satellite’s replica Outdated (degraded), then resyncs after it returns', async () => {
    const name = uniqueName('ha');
    await createVolume(adminOf(a), a.namespace, volume(name));
    await bound(a, name);
    const h = await eventually(
      () => healthOf(a, name),
      (x) => x?.upToDate === 2,
      '2/2',
    );
    const node = h?.replicas.find((r) => r.diskful)?.node ?? '';
    const annotate = (state: string) =>
      admin.apply([
        {
          apiVersion: 'v1',
          kind: 'Node',
          metadata: { name: node, annotations: { 'linstor.stratus.dev/satellite': state } },
        } as KubernetesObject,
      ]);
    await annotate('stopped');
    try {
      const down = await eventually(
        () => healthOf(a, name),
        (x) => x?.degraded === true,
        'degraded',
      );
      expect(down?.replicas.find((r) => r.node === node)?.diskState).toBe('Outdated');
      const all = await volumeHealth(adminOf(a), a.namespace, [name]);
      expect(all.ok && all.nodes.find((n) => n.name === node)?.linstor).toBe('OFFLINE');
      // Operators see it among the degraded volumes; a tenant can't ask for that view.
      const ops = await storageOverview(kubeFor(demoViewer('oscar').identity));
      expect(
        ops.ok && ops.degraded.some((d) => d.claim === name && d.namespace === a.namespace),
      ).toBe(true);
      expect(await refusal(storageOverview(adminOf(a)))).toMatch(/permission/);
    } finally {
      await annotate('running');
    }
    await eventually(
      () => healthOf(a, name),
      (x) => x?.upToDate === 2 && !x.syncing,
      'resynced',
    );
  });
});
