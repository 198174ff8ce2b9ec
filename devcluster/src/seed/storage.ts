// LINSTOR (Piraeus operator v2) storage: classes on linstor.csi.linbit.com, the snapshot class,
// and the operator's LinstorCluster, satellites and satellite configuration.
//
// All three classes bind Immediately: with WaitForFirstConsumer a claim waits for a pod to be
// scheduled, and nothing schedules pods here (no kube-scheduler), so Immediate keeps the demo honest.
import type { KObj } from '../simulator/kube/types.ts';
import type { SeedClient } from './client.ts';
import { fleet, type Server } from './fleet.ts';

export const LINSTOR = 'linstor.csi.linbit.com';
export const STORAGE_NAMESPACE = 'piraeus-datastore';

export const storageClasses = [
  {
    name: 'replicated',
    placementCount: 2,
    isDefault: true,
    description: 'Two synchronous replicas (DRBD)',
  },
  {
    name: 'replicated-x3',
    placementCount: 3,
    isDefault: false,
    description: 'Three synchronous replicas (DRBD)',
  },
  {
    name: 'local',
    placementCount: 1,
    isDefault: false,
    description: 'One replica on the node that uses it',
  },
] as const;

export function storageClassObjects(): KObj[] {
  return storageClasses.map((sc) => ({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name: sc.name,
      annotations: {
        'storageclass.kubernetes.io/is-default-class': String(sc.isDefault),
        'stratus.dev/description': sc.description,
      },
    },
    provisioner: LINSTOR,
    allowVolumeExpansion: true,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
    parameters: {
      'linstor.csi.linbit.com/storagePool': 'data',
      'linstor.csi.linbit.com/placementCount': String(sc.placementCount),
      'linstor.csi.linbit.com/allowRemoteVolumeAccess': sc.placementCount === 1 ? 'false' : 'true',
      'csi.storage.k8s.io/fstype': 'ext4',
    },
  }));
}

export function snapshotClass(): KObj {
  return {
    apiVersion: 'snapshot.storage.k8s.io/v1',
    kind: 'VolumeSnapshotClass',
    metadata: {
      name: 'linstor-snapshots',
      annotations: { 'snapshot.storage.kubernetes.io/is-default-class': 'true' },
    },
    driver: LINSTOR,
    deletionPolicy: 'Delete',
  };
}

const TiB = 2 ** 40;
/** Bytes in the "data" pool: the non-boot disks. */
const poolBytes = (s: Server) => s.disks.slice(1).reduce((n, d) => n + d.sizeBytes, 0);
const usedShare = (s: Server) => 0.18 + (Number(s.node.slice(-1)) % 3) * 0.07;
const tib = (b: number) => `${(b / TiB).toFixed(1)} TiB`;

export function linstorObjects(): { objects: KObj[]; statuses: [KObj, Record<string, unknown>][] } {
  const ready = fleet.filter((s) => s.kwok);
  const cond = (type: string, reason: string, message: string) => ({
    type,
    status: 'True',
    reason,
    message,
    lastTransitionTime: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    observedGeneration: 1,
  });
  const cluster: KObj = {
    apiVersion: 'piraeus.io/v1',
    kind: 'LinstorCluster',
    metadata: { name: 'linstorcluster' },
    spec: {},
  };
  const total = ready.reduce((n, s) => n + poolBytes(s), 0);
  const free = ready.reduce((n, s) => n + poolBytes(s) * (1 - usedShare(s)), 0);
  const config: KObj = {
    apiVersion: 'piraeus.io/v1',
    kind: 'LinstorSatelliteConfiguration',
    metadata: { name: 'storage-pool' },
    spec: {
      storagePools: [
        {
          name: 'data',
          lvmThinPool: { volumeGroup: 'linstor_data', thinPool: 'data' },
          source: { hostDevices: ['/dev/nvme1n1', '/dev/nvme2n1'] },
        },
      ],
    },
  };
  const satellites = ready.map<KObj>((s) => ({
    apiVersion: 'piraeus.io/v1',
    kind: 'LinstorSatellite',
    metadata: {
      name: s.node,
      annotations: { 'piraeus.io/applied-configurations': 'storage-pool' },
    },
    spec: {
      clusterRef: { name: 'linstorcluster' },
      deletionPolicy: 'Retain',
      storagePools: (config.spec as { storagePools: unknown[] }).storagePools,
    },
  }));
  return {
    objects: [cluster, config, ...satellites],
    statuses: [
      [
        cluster,
        {
          conditions: [
            cond('Applied', 'AsExpected', 'Resources applied'),
            cond('Available', 'AsExpected', 'Controller online'),
            cond('Configured', 'AsExpected', 'Properties applied'),
          ],
          version: 'v1.31.3',
          satellites: `${ready.length}/${ready.length}`,
          runningSatellites: ready.length,
          scheduledSatellites: ready.length,
          capacity: `${tib(total - free)} / ${tib(total)}`,
          availableCapacityBytes: Math.round(free),
          freeCapacityBytes: Math.round(free),
          numberOfVolumes: 23,
          numberOfSnapshots: 4,
        },
      ],
      [
        config,
        {
          conditions: [cond('Applied', 'AsExpected', 'Applied to all matching satellites')],
          matched: ready.length,
          appliedTo: ready.map((s) => s.node),
        },
      ],
      ...ready.map<[KObj, Record<string, unknown>]>((s, i) => [
        satellites[i] as KObj,
        {
          conditions: [
            cond('Applied', 'AsExpected', 'Resources applied'),
            cond('Available', 'AsExpected', 'Satellite connected'),
            cond('Configured', 'AsExpected', 'Storage pools configured'),
          ],
          capacity: `${tib(poolBytes(s) * usedShare(s))} / ${tib(poolBytes(s))}`,
          availableCapacityBytes: Math.round(poolBytes(s) * (1 - usedShare(s))),
          freeCapacityBytes: Math.round(poolBytes(s) * (1 - usedShare(s))),
          numberOfVolumes: 4 + i,
          numberOfSnapshots: i % 2,
          storageProviders: ['DISKLESS', 'LVM_THIN'],
          deviceLayers: ['DRBD', 'STORAGE'],
        },
      ]),
    ],
  };
}

export async function seedStorage(c: SeedClient, log: (msg: string) => void): Promise<void> {
  await c.apply([...storageClassObjects(), snapshotClass()]);
  const { objects, statuses } = linstorObjects();
  await c.apply(objects);
  for (const [obj, status] of statuses) {
    // Static numbers, written once. The CRDs are stand-ins until the module proxy serves
    // piraeus-operator, so a schema drift here is reported, not fatal.
    await c.status(obj, status, { unlessSet: 'conditions' }).catch((err: unknown) => {
      log(
        `LINSTOR status for ${obj.kind} ${obj.metadata.name} not written: ${(err as Error).message}`,
      );
    });
  }
}
