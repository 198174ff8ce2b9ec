// The Kubernetes objects behind a volume: its PVC (empty, restored from a VolumeSnapshot or cloned
// from a PVC, as dataSource says) and its VolumeSnapshots. Pure.
import type { PersistentVolumeClaimObject } from '../k8s/objects';
import type { KubeObject } from '../k8s/types';
import type { CreateVolumeInput } from './schema';

export const VOLUME_LABEL = 'stratus.dev/volume';

export function buildVolume(namespace: string, v: CreateVolumeInput): PersistentVolumeClaimObject {
  const dataSource =
    v.sourceKind === 'snapshot'
      ? { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: v.sourceName }
      : v.sourceKind === 'volume'
        ? { kind: 'PersistentVolumeClaim', name: v.sourceName }
        : undefined;
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: v.name, namespace },
    spec: {
      accessModes: [v.accessMode],
      volumeMode: v.volumeMode,
      storageClassName: v.storageClass,
      resources: { requests: { storage: `${v.sizeGi}Gi` } },
      ...(dataSource ? { dataSource } : {}),
    },
  };
}

export type VolumeSnapshotObject = KubeObject & {
  spec?: {
    source?: { persistentVolumeClaimName?: string; volumeSnapshotContentName?: string };
    volumeSnapshotClassName?: string;
  };
  status?: {
    readyToUse?: boolean;
    restoreSize?: string;
    creationTime?: string;
    boundVolumeSnapshotContentName?: string;
    error?: { message?: string; time?: string };
  };
};

export type VolumeSnapshotClassObject = KubeObject & {
  driver?: string;
  deletionPolicy?: string;
  parameters?: Record<string, string>;
};

export function buildSnapshot(
  namespace: string,
  volume: string,
  name: string,
  snapshotClass: string,
): VolumeSnapshotObject {
  return {
    apiVersion: 'snapshot.storage.k8s.io/v1',
    kind: 'VolumeSnapshot',
    metadata: { name, namespace, labels: { [VOLUME_LABEL]: volume } },
    spec: { volumeSnapshotClassName: snapshotClass, source: { persistentVolumeClaimName: volume } },
  };
}
