import { describe, expect, it } from 'vitest';

import { buildSnapshot, buildVolume } from './build';
import { placementCountOf, volumeClasses } from './classes';
import { createVolumeSchema, expandVolumeSchema } from './schema';
import { replicasLine, sizeGiOf, volumeSummary, volumeUsers } from './status';

const base = { name: 'data', sizeGi: '20', storageClass: 'replicated' };

describe('createVolumeSchema', () => {
  it('defaults to Block and ReadWriteOnce, and parses the size', () => {
    const v = createVolumeSchema.parse(base);
    expect(v).toMatchObject({ sizeGi: 20, volumeMode: 'Block', accessMode: 'ReadWriteOnce' });
  });

  it('refuses bad names, sizes and a restore without a source', () => {
    const issues = (x: object) =>
      createVolumeSchema.safeParse(x).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues({ ...base, name: 'Data!' })).toEqual([['name', 'validation.name.format']]);
    expect(issues({ ...base, sizeGi: '0' })).toEqual([['sizeGi', 'validation.minGi']]);
    expect(issues({ ...base, sizeGi: '1.5' })).toEqual([['sizeGi', 'validation.wholeNumber']]);
    expect(issues({ ...base, sourceKind: 'snapshot' })).toEqual([
      ['sourceName', 'volumes.validation.source'],
    ]);
    expect(expandVolumeSchema.safeParse({ namespace: 'n', name: 'd', sizeGi: -1 }).success).toBe(
      false,
    );
  });
});

describe('classes', () => {
  it('reads replicas and pool from LINSTOR parameters, default first, others ignored', () => {
    const cls = volumeClasses([
      {
        metadata: { name: 'x3' },
        provisioner: 'linstor.csi.linbit.com',
        parameters: { 'linstor.csi.linbit.com/autoPlace': '3', storagePool: 'ssd' },
      },
      {
        metadata: {
          name: 'replicated',
          annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
        },
        provisioner: 'linstor.csi.linbit.com',
        allowVolumeExpansion: true,
        parameters: {
          'linstor.csi.linbit.com/placementCount': '2',
          'linstor.csi.linbit.com/storagePool': 'data',
        },
      },
      { metadata: { name: 'nfs' }, provisioner: 'nfs.csi.k8s.io' },
    ]);
    expect(cls).toEqual([
      { name: 'replicated', replicas: 2, pool: 'data', expandable: true, isDefault: true },
      { name: 'x3', replicas: 3, pool: 'ssd', expandable: false, isDefault: false },
    ]);
    expect(placementCountOf(undefined)).toBe(1);
  });
});

describe('build', () => {
  it('makes a claim with a snapshot or PVC dataSource for restore and clone', () => {
    const v = createVolumeSchema.parse({ ...base, sourceKind: 'snapshot', sourceName: 's1' });
    expect(buildVolume('tenant-a', v).spec).toEqual({
      accessModes: ['ReadWriteOnce'],
      volumeMode: 'Block',
      storageClassName: 'replicated',
      resources: { requests: { storage: '20Gi' } },
      dataSource: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 's1' },
    });
    const c = createVolumeSchema.parse({ ...base, sourceKind: 'volume', sourceName: 'src' });
    expect(buildVolume('tenant-a', c).spec?.dataSource).toEqual({
      kind: 'PersistentVolumeClaim',
      name: 'src',
    });
    expect(
      buildVolume('tenant-a', createVolumeSchema.parse(base)).spec?.dataSource,
    ).toBeUndefined();
    expect(buildSnapshot('tenant-a', 'data', 'snap', 'linstor-snapshots').spec).toEqual({
      volumeSnapshotClassName: 'linstor-snapshots',
      source: { persistentVolumeClaimName: 'data' },
    });
  });
});

describe('status', () => {
  const pvc = {
    metadata: { name: 'data', namespace: 'tenant-a' },
    spec: {
      storageClassName: 'replicated',
      volumeName: 'pvc-1',
      resources: { requests: { storage: '30Gi' } },
    },
    status: { phase: 'Bound', capacity: { storage: '20Gi' } },
  };
  it('joins the VMs that use a claim and sees a pending expansion', () => {
    const users = volumeUsers([
      {
        metadata: { name: 'web' },
        spec: {
          template: {
            spec: {
              domain: { devices: {} },
              volumes: [{ name: 'd', dataVolume: { name: 'data' } }],
            },
          },
        },
      },
      {
        metadata: { name: 'db' },
        spec: {
          template: {
            spec: {
              domain: { devices: {} },
              volumes: [{ name: 'x', persistentVolumeClaim: { claimName: 'data' } }],
            },
          },
        },
      },
    ]);
    const s = volumeSummary(pvc, users);
    expect(s).toMatchObject({
      phase: 'Bound',
      usedBy: ['web', 'db'],
      resizing: true,
      pvName: 'pvc-1',
    });
    expect(sizeGiOf(s)).toBe(30);
  });

  it('says replicas in sync, unavailable or not provisioned', () => {
    const h = {
      resource: 'pvc-1',
      replicas: [],
      upToDate: 2,
      diskful: 2,
      expected: 2,
      degraded: false,
      sameNode: false,
      syncing: false,
    };
    expect(
      replicasLine(
        { pvName: 'pvc-1' },
        {
          ...h,
          replicas: [
            { node: 'a', diskful: true, tieBreaker: false, diskState: 'UpToDate', peers: [] },
          ],
        },
        false,
      ),
    ).toEqual({
      key: 'volumes.replicas.inSync',
      params: { up: 2, expected: 2 },
    });
    expect(replicasLine({ pvName: 'pvc-1' }, h, true).key).toBe('volumes.replicas.unavailable');
    expect(replicasLine({}, undefined, false).key).toBe('volumes.replicas.notProvisioned');
  });
});
