// What a volume is, in a row: phase, size, class, which VMs use it, and (when LINSTOR answered) its
// replicas in sync. Pure: the list, the detail page and the console derive the same summary.
import { msg, type Msg } from '../i18n/messages';
import type { ReplicaHealth } from '../linstor/health';
import type { PersistentVolumeClaimObject } from '../k8s/objects';
import { parseQuantity } from '../tenants/quantity';
import type { VmObject } from '../vms/types';

export interface VolumeSummary {
  name: string;
  namespace: string;
  /** Bound, Pending, Lost, or Terminating while it is deleted. */
  phase: string;
  capacity?: string;
  requested?: string;
  storageClass?: string;
  accessModes: string[];
  volumeMode: string;
  /** The PV, which is the LINSTOR resource's name (pvc-<uid>). */
  pvName?: string;
  /** VMs whose spec names this claim (directly or through a DataVolume of the same name). */
  usedBy: string[];
  /** The request grew past the capacity and the resizer has not caught up yet. */
  resizing: boolean;
  source?: { kind: string; name: string };
  createdAt?: string;
}

/** claim name → VM names, from the VMs' volumes and DataVolume templates. */
export function volumeUsers(vms: VmObject[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const vm of vms) {
    const name = vm.metadata?.name ?? '';
    const claims = new Set<string>();
    for (const v of vm.spec?.template?.spec?.volumes ?? []) {
      const c = v.persistentVolumeClaim?.claimName ?? v.dataVolume?.name;
      if (c) claims.add(c);
    }
    for (const c of claims) out.set(c, [...(out.get(c) ?? []), name]);
  }
  return out;
}

export const bytesOf = (q: string | undefined) => (q ? (parseQuantity(q) ?? 0) : 0);
export const GiB = 2 ** 30;

export function volumeSummary(
  pvc: PersistentVolumeClaimObject,
  users: Map<string, string[]>,
): VolumeSummary {
  const name = pvc.metadata?.name ?? '';
  const capacity = pvc.status?.capacity?.storage;
  const requested = pvc.spec?.resources?.requests?.storage;
  const ds = pvc.spec?.dataSource;
  return {
    name,
    namespace: pvc.metadata?.namespace ?? '',
    phase: pvc.metadata?.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? 'Pending'),
    ...(capacity ? { capacity } : {}),
    ...(requested ? { requested } : {}),
    ...(pvc.spec?.storageClassName ? { storageClass: pvc.spec.storageClassName } : {}),
    accessModes: pvc.spec?.accessModes ?? [],
    volumeMode: pvc.spec?.volumeMode ?? 'Filesystem',
    ...(pvc.spec?.volumeName ? { pvName: pvc.spec.volumeName } : {}),
    usedBy: users.get(name) ?? [],
    resizing: !!capacity && bytesOf(requested) > bytesOf(capacity),
    ...(ds ? { source: { kind: ds.kind, name: ds.name } } : {}),
    ...(pvc.metadata?.creationTimestamp
      ? { createdAt: String(pvc.metadata.creationTimestamp) }
      : {}),
  };
}

/** "2/2 UpToDate", or why there is nothing to count yet. */
export function replicasLine(
  v: Pick<VolumeSummary, 'pvName'>,
  health: ReplicaHealth | undefined,
  unavailable: boolean,
): Msg {
  if (!v.pvName) return msg('volumes.replicas.notProvisioned');
  if (unavailable) return msg('volumes.replicas.unavailable');
  if (!health || health.replicas.length === 0) return msg('volumes.replicas.unknown');
  return msg('volumes.replicas.inSync', { up: health.upToDate, expected: health.expected });
}

/** The size a person edits: current capacity (or request) in whole GiB, rounded up. */
export function sizeGiOf(v: Pick<VolumeSummary, 'capacity' | 'requested'>): number {
  return Math.ceil(Math.max(bytesOf(v.capacity), bytesOf(v.requested)) / GiB);
}
