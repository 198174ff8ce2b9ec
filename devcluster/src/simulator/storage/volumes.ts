// linstor-csi's external-provisioner and -resizer, as pure decisions. Binding itself is left to
// kube-controller-manager's PV controller, which binds a claim to the PV whose claimRef names it —
// exactly how a real CSI provisioner hands over.
import type {
  PvcObj,
  PvObj,
  StorageClassObj,
  VolumeSnapshotClassObj,
  VolumeSnapshotObj,
} from '../kinds.ts';
import type { KObj } from '../kube/types.ts';
import { parseQuantity } from '../quantity.ts';

export const LINSTOR = 'linstor.csi.linbit.com';
export const PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';

export type VolumeDecision =
  | { kind: 'none' }
  | { kind: 'provision'; pv: KObj }
  | { kind: 'resize'; pvName: string; size: string };

export const pvNameFor = (pvc: PvcObj): string => `pvc-${pvc.metadata.uid ?? ''}`;

export function pvFor(pvc: PvcObj, sc: StorageClassObj): KObj {
  const name = pvNameFor(pvc);
  const volumeMode = pvc.spec.volumeMode ?? 'Filesystem';
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name,
      annotations: {
        [PROVISIONED_BY]: LINSTOR,
        'volume.kubernetes.io/provisioner-deletion-secret-name': '',
        'volume.kubernetes.io/provisioner-deletion-secret-namespace': '',
      },
    },
    spec: {
      accessModes: pvc.spec.accessModes?.length ? pvc.spec.accessModes : ['ReadWriteOnce'],
      capacity: { storage: pvc.spec.resources?.requests?.storage ?? '1Gi' },
      claimRef: {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        name: pvc.metadata.name,
        namespace: pvc.metadata.namespace,
        uid: pvc.metadata.uid,
        resourceVersion: pvc.metadata.resourceVersion,
      },
      csi: {
        driver: LINSTOR,
        volumeHandle: name,
        ...(volumeMode === 'Filesystem' ? { fsType: 'ext4' } : {}),
        volumeAttributes: {
          'linstor.csi.linbit.com/uses-volume-context': 'true',
          'storage.kubernetes.io/csiProvisionerIdentity':
            '1700000000000-8081-linstor.csi.linbit.com',
        },
      },
      persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
      storageClassName: sc.metadata.name,
      volumeMode,
    },
  };
}

export function decidePvc(
  pvc: PvcObj,
  sc: StorageClassObj | undefined,
  pv: PvObj | undefined,
): VolumeDecision {
  if (!sc || sc.provisioner !== LINSTOR || pvc.metadata.deletionTimestamp) return { kind: 'none' };
  if (!pvc.spec.volumeName) {
    // Already provisioned: the PV controller will bind; don't create twice.
    if (pv) return { kind: 'none' };
    return { kind: 'provision', pv: pvFor(pvc, sc) };
  }
  if (pvc.status?.phase !== 'Bound' || !pv || !sc.allowVolumeExpansion) return { kind: 'none' };
  const want = pvc.spec.resources?.requests?.storage;
  const wantBytes = parseQuantity(want) ?? 0;
  const pvBytes = parseQuantity(pv.spec.capacity?.storage) ?? 0;
  const claimBytes = parseQuantity(pvc.status.capacity?.storage) ?? 0;
  if (want && (wantBytes > pvBytes || wantBytes > claimBytes))
    return { kind: 'resize', pvName: pv.metadata.name, size: want };
  return { kind: 'none' };
}

/** A released linstor volume with reclaimPolicy Delete goes away, like the CSI deleter does it. */
export function shouldDeletePv(pv: PvObj): boolean {
  return (
    pv.metadata.annotations?.[PROVISIONED_BY] === LINSTOR &&
    (pv.spec.persistentVolumeReclaimPolicy ?? 'Delete') === 'Delete' &&
    (pv.status?.phase === 'Released' || pv.status?.phase === 'Failed') &&
    !pv.metadata.deletionTimestamp
  );
}

/**
 * external-snapshotter + linstor-csi for a VolumeSnapshot of a bound LINSTOR claim: the bound
 * VolumeSnapshotContent (snapcontent-<uid>) and the VolumeSnapshot's status once it is cut.
 */
export function volumeSnapshotContentFor(
  vs: VolumeSnapshotObj,
  pvc: PvcObj,
  cls: VolumeSnapshotClassObj,
): KObj {
  return {
    apiVersion: 'snapshot.storage.k8s.io/v1',
    kind: 'VolumeSnapshotContent',
    metadata: {
      name: `snapcontent-${vs.metadata.uid ?? ''}`,
      annotations: { 'snapshot.storage.kubernetes.io/volumesnapshot-being-created': 'yes' },
    },
    spec: {
      deletionPolicy: cls.deletionPolicy,
      driver: cls.driver,
      source: { volumeHandle: pvc.spec.volumeName ?? '' },
      sourceVolumeMode: pvc.spec.volumeMode ?? 'Filesystem',
      volumeSnapshotClassName: cls.metadata.name,
      volumeSnapshotRef: {
        apiVersion: 'snapshot.storage.k8s.io/v1',
        kind: 'VolumeSnapshot',
        name: vs.metadata.name,
        namespace: vs.metadata.namespace,
        uid: vs.metadata.uid,
      },
    },
  };
}

export type SnapshotDecision =
  | { kind: 'none' }
  | { kind: 'content'; content: KObj }
  | { kind: 'ready'; contentName: string; size: string };

export function decideVolumeSnapshot(
  vs: VolumeSnapshotObj,
  pvc: PvcObj | undefined,
  cls: VolumeSnapshotClassObj | undefined,
  contentExists: boolean,
): SnapshotDecision {
  if (vs.metadata.deletionTimestamp || vs.status?.readyToUse) return { kind: 'none' };
  if (!cls || cls.driver !== LINSTOR || !pvc || pvc.status?.phase !== 'Bound')
    return { kind: 'none' };
  const name = `snapcontent-${vs.metadata.uid ?? ''}`;
  if (!contentExists) return { kind: 'content', content: volumeSnapshotContentFor(vs, pvc, cls) };
  return {
    kind: 'ready',
    contentName: name,
    size: pvc.status.capacity?.storage ?? pvc.spec.resources?.requests?.storage ?? '0',
  };
}
