// KubeVirt v1.9.0's snapshot and restore controllers (pkg/storage/snapshot/snapshot.go,
// source.go, restore.go) as pure decisions: one write per step.
import type {
  DataVolumeObj,
  PvcObj,
  SnapshotCondition,
  VmiObj,
  VmObj,
  VmRestoreObj,
  VmSnapshotContentObj,
  VmSnapshotObj,
  VolumeBackup,
  VolumeSnapshotObj,
} from '../kinds.ts';
import type { KObj } from '../kube/types.ts';

export const SNAPSHOT_FINALIZER = 'snapshot.kubevirt.io/vmsnapshot-protection';
export const CONTENT_FINALIZER = 'snapshot.kubevirt.io/vmsnapshotcontent-protection';
export const SOURCE_FINALIZER = 'snapshot.kubevirt.io/snapshot-source-protection';
export const RESTORE_FINALIZER = 'snapshot.kubevirt.io/vmrestore-protection';
export const LAST_RESTORE_ANNOTATION = 'restore.kubevirt.io/lastRestoreUID';

export const indicationMessages: Record<string, string> = {
  Online: 'Snapshot taken while the VM was running. Consistency depends on guest-agent quiescing.',
  GuestAgent:
    'Guest agent was active and attempted to quiesce the filesystem for application consistency.',
  NoGuestAgent:
    'Guest agent was not available. Snapshot is crash-consistent and may not be application-consistent.',
  Paused:
    'Snapshot taken while the VM was paused. Snapshot is crash-consistent and may not be application-consistent.',
  Partial:
    'Not all snapshotable volumes were included in the snapshot. Check status.snapshotVolumes for excluded volumes and VM VolumeSnapshotStatus for details.',
};

/** JSON equality that ignores key order (the API server returns keys in its own order). */
export function sameJson(a: unknown, b: unknown): boolean {
  const canon = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canon)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([k, x]) => [k, canon(x)]),
          )
        : v;
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
}

const DEADLINE_S = 300; // snapshotv1beta1.DefaultFailureDeadline
const GRACE_S = 300; // snapshotv1beta1.DefaultGracePeriod

const cond = (type: string, status: string, reason: string, now: string): SnapshotCondition => ({
  type,
  status,
  reason,
  lastTransitionTime: now,
});

/** Sets conditions by type; a condition keeps its time while status and reason stay. */
export function setSnapshotConditions(
  list: SnapshotCondition[] | undefined,
  updates: SnapshotCondition[],
): SnapshotCondition[] {
  const out = [...(list ?? [])];
  for (const u of updates) {
    const i = out.findIndex((c) => c.type === u.type);
    const old = out[i];
    const next =
      old && old.status === u.status && old.reason === u.reason
        ? { ...u, lastTransitionTime: old.lastTransitionTime }
        : u;
    if (i >= 0) out[i] = next;
    else out.push(next);
  }
  return out;
}

export interface VolumeInfo {
  volume: string;
  claim: PvcObj | undefined;
  /** The VolumeSnapshotClass for the claim's storage class, if any. */
  snapshotClass: string | undefined;
  storageClass: string | undefined;
}

/** Volumes whose claims can be snapshotted (PVC and DataVolume volumes), in spec order. */
export function snapshotVolumes(vm: VmObj): { volume: string; claim: string }[] {
  return (vm.spec.template.spec.volumes ?? []).flatMap((v) => {
    const claim = v.persistentVolumeClaim?.claimName ?? v.dataVolume?.name;
    return claim ? [{ volume: v.name, claim }] : [];
  });
}

/** vm.status.volumeSnapshotStatuses (getVolumeSnapshotStatus). */
export function volumeSnapshotStatuses(vm: VmObj, info: (volume: string) => VolumeInfo) {
  return (vm.spec.template.spec.volumes ?? []).map((v) => {
    if (!v.persistentVolumeClaim && !v.dataVolume)
      return {
        name: v.name,
        enabled: false,
        reason: `Snapshot is not supported for this volumeSource type [${v.name}]`,
      };
    const i = info(v.name);
    if (!i.claim && !i.storageClass)
      return { name: v.name, enabled: false, reason: 'PVC not found' };
    if (!i.snapshotClass)
      return {
        name: v.name,
        enabled: false,
        reason: `No VolumeSnapshotClass: Volume snapshots are not configured for this StorageClass [${i.storageClass ?? ''}] [${v.name}]`,
      };
    return { name: v.name, enabled: true };
  });
}

export const contentName = (s: VmSnapshotObj) => `vmsnapshot-content-${s.metadata.uid ?? ''}`;
export const volumeSnapshotName = (s: VmSnapshotObj, volume: string) =>
  `vmsnapshot-${s.metadata.uid ?? ''}-volume-${volume}`;

export interface SnapshotWorld {
  vm: VmObj | undefined;
  vmi: VmiObj | undefined;
  content: VmSnapshotContentObj | undefined;
  info: (volume: string) => VolumeInfo;
  dv: (name: string) => DataVolumeObj | undefined;
  now: string;
  nowMs: number;
}

export type SnapshotStep =
  | {
      kind: 'status';
      id: string;
      status: NonNullable<VmSnapshotObj['status']>;
      finalizer?: boolean;
    }
  | { kind: 'lock'; id: string }
  | { kind: 'createContent'; id: string; content: KObj }
  | { kind: 'unlock'; id: string }
  | { kind: 'removeFinalizer'; id: string };

function sourceIndications(vmi: VmiObj | undefined, partial: boolean): string[] {
  if (!vmi) return partial ? ['Partial'] : [];
  const c = (t: string) => vmi.status?.conditions?.find((x) => x.type === t);
  const list = ['Online'];
  if (c('Paused')?.status === 'True') list.push('Paused');
  list.push(c('AgentConnected') ? 'GuestAgent' : 'NoGuestAgent');
  if (partial) list.push('Partial');
  return list;
}

const isLocked = (vm: VmObj | undefined, s: VmSnapshotObj) =>
  !!vm &&
  vm.status?.snapshotInProgress === s.metadata.name &&
  (vm.metadata.finalizers ?? []).includes(SOURCE_FINALIZER);

/** The next step of the VirtualMachineSnapshot controller for `s`. */
export function decideSnapshot(s: VmSnapshotObj, w: SnapshotWorld): SnapshotStep | undefined {
  const uid = s.metadata.uid ?? '';
  const status = s.status;
  const phase = status?.phase;
  const vm = w.vm?.metadata.uid && !w.vm.metadata.deletionTimestamp ? w.vm : undefined;
  const done = phase === 'Succeeded' || phase === 'Failed';

  if (s.metadata.deletionTimestamp) {
    // Unlock even a VM that is being deleted: our finalizer holds it.
    if (w.vm && isLocked(w.vm, s)) return { kind: 'unlock', id: `unlock:${uid}` };
    return (s.metadata.finalizers ?? []).includes(SNAPSHOT_FINALIZER)
      ? { kind: 'removeFinalizer', id: `unfinalize:${uid}` }
      : undefined;
  }

  const content = w.content;
  const created = !!content?.status?.creationTime;
  const ready = content?.status?.readyToUse === true;
  const locked = isLocked(vm, s);

  // Unlock the source once the content is there (canUnlockSource).
  if (done && locked) return { kind: 'unlock', id: `unlock:${uid}` };
  if (done) return undefined;

  const age = (w.nowMs - Date.parse(s.metadata.creationTimestamp ?? w.now)) / 1000;
  const base = { readyToUse: ready, ...(vm?.metadata.uid ? { sourceUID: vm.metadata.uid } : {}) };
  const wantFinalizer = !(s.metadata.finalizers ?? []).includes(SNAPSHOT_FINALIZER);

  if (created) {
    const backups = new Set((content.spec.volumeBackups ?? []).map((b) => b.volumeName));
    const all = (content.spec.source.virtualMachine?.spec.template.spec.volumes ?? []).map(
      (v) => v.name,
    );
    const excluded = all.filter((v) => !backups.has(v));
    const partial = (content.spec.source.virtualMachine?.spec.template.spec.volumes ?? []).some(
      (v) => !backups.has(v.name) && (v.persistentVolumeClaim || v.dataVolume),
    );
    const indications = [
      ...(status?.indications ?? []).filter((i) => i !== 'Partial'),
      ...(partial ? ['Partial'] : []),
    ];
    return {
      kind: 'status',
      id: `succeeded:${uid}:${String(ready)}`,
      status: {
        ...base,
        phase: 'Succeeded',
        virtualMachineSnapshotContentName: content.metadata.name,
        creationTime: content.status?.creationTime ?? null,
        indications,
        sourceIndications: indications.map((i) => ({
          indication: i,
          message: indicationMessages[i] ?? '',
        })),
        snapshotVolumes: {
          includedVolumes: all.filter((v) => backups.has(v)),
          excludedVolumes: excluded,
        },
        conditions: setSnapshotConditions(status?.conditions, [
          cond('Progressing', 'False', 'Operation complete', w.now),
          cond('Ready', ready ? 'True' : 'False', ready ? 'Ready' : 'Not ready', w.now),
        ]),
      },
    };
  }

  if (age >= DEADLINE_S) {
    return {
      kind: 'status',
      id: `deadline:${uid}`,
      status: {
        ...base,
        phase: 'Failed',
        conditions: setSnapshotConditions(status?.conditions, [
          cond('Failure', 'True', 'snapshot deadline exceeded', w.now),
          cond('Progressing', 'False', 'Operation failed', w.now),
          cond('Ready', 'False', 'Not ready', w.now),
        ]),
      },
    };
  }

  // In progress: what the source allows (UpdateSourceState / Lock).
  let lockMsg = locked ? 'Source locked and operation in progress' : 'Source not locked';
  let canLock = !!vm && !locked;
  if (vm && !locked) {
    for (const { claim } of snapshotVolumes(vm)) {
      const dv = w.dv(claim);
      const info = w.info(claim);
      if (dv && dv.status?.phase !== 'Succeeded') {
        lockMsg += ` source ${vm.metadata.namespace ?? ''}/${vm.metadata.name} volume not populated: ${claim}`;
        canLock = false;
        break;
      }
      if (!dv && !info.claim) {
        lockMsg += ` source ${vm.metadata.namespace ?? ''}/${vm.metadata.name} volume doesn't exist: ${claim}`;
        canLock = false;
        break;
      }
    }
    if (vm.status?.snapshotInProgress && vm.status.snapshotInProgress !== s.metadata.name) {
      lockMsg += ` snapshot "${vm.status.snapshotInProgress}" in progress`;
      canLock = false;
    }
    if (vm.status?.restoreInProgress) canLock = false;
  }
  const progressing = vm
    ? cond('Progressing', locked ? 'True' : 'False', lockMsg, w.now)
    : cond('Progressing', 'False', 'Source does not exist', w.now);
  const indications = vm ? sourceIndications(w.vmi, false) : [];
  const want: NonNullable<VmSnapshotObj['status']> = {
    ...base,
    phase: 'InProgress',
    ...(vm
      ? {
          indications,
          sourceIndications: indications.map((i) => ({
            indication: i,
            message: indicationMessages[i] ?? '',
          })),
        }
      : {}),
    conditions: setSnapshotConditions(status?.conditions, [
      progressing,
      cond('Ready', 'False', 'Not ready', w.now),
    ]),
  };
  const differs =
    wantFinalizer ||
    status?.phase !== 'InProgress' ||
    JSON.stringify((status?.conditions ?? []).map((c) => [c.type, c.status, c.reason])) !==
      JSON.stringify(want.conditions?.map((c) => [c.type, c.status, c.reason]));
  if (differs)
    return {
      kind: 'status',
      id: `progress:${uid}:${progressing.status}:${progressing.reason}`,
      status: want,
      finalizer: wantFinalizer,
    };
  if (canLock) return { kind: 'lock', id: `lock:${uid}` };
  if (locked && vm && !content)
    return { kind: 'createContent', id: `content:${uid}`, content: contentFor(s, vm, w.info) };
  return undefined;
}

export function contentFor(
  s: VmSnapshotObj,
  vm: VmObj,
  info: (volume: string) => VolumeInfo,
): KObj {
  const backups: VolumeBackup[] = [];
  for (const { volume, claim } of snapshotVolumes(vm)) {
    const i = info(claim);
    // getSnapshotPVC: unbound claims and classes without a VolumeSnapshotClass are left out.
    if (!i.claim || i.claim.status?.phase !== 'Bound' || !i.snapshotClass) continue;
    backups.push({
      volumeName: volume,
      persistentVolumeClaim: {
        metadata: {
          name: i.claim.metadata.name,
          ...(i.claim.metadata.labels ? { labels: i.claim.metadata.labels } : {}),
        },
        spec: i.claim.spec,
      },
      volumeSnapshotName: volumeSnapshotName(s, volume),
    });
  }
  return {
    apiVersion: 'snapshot.kubevirt.io/v1beta1',
    kind: 'VirtualMachineSnapshotContent',
    metadata: {
      name: contentName(s),
      namespace: s.metadata.namespace,
      finalizers: [CONTENT_FINALIZER],
    },
    spec: {
      virtualMachineSnapshotName: s.metadata.name,
      source: {
        virtualMachine: {
          metadata: {
            name: vm.metadata.name,
            namespace: vm.metadata.namespace,
            uid: vm.metadata.uid,
            ...(vm.metadata.labels ? { labels: vm.metadata.labels } : {}),
            ...(vm.metadata.annotations ? { annotations: vm.metadata.annotations } : {}),
          },
          spec: vm.spec,
        },
      },
      volumeBackups: backups,
    },
  };
}

export type ContentStep =
  | { kind: 'createVolumeSnapshot'; id: string; volumeSnapshot: KObj }
  | { kind: 'status'; id: string; status: NonNullable<VmSnapshotContentObj['status']> };

/** The content controller: VolumeSnapshots for each backup, then readiness from theirs. */
export function decideContent(
  c: VmSnapshotContentObj,
  vs: (name: string) => VolumeSnapshotObj | undefined,
  snapshotClass: (claimStorageClass: string | undefined) => string | undefined,
  now: string,
): ContentStep | undefined {
  if (c.metadata.deletionTimestamp) return undefined;
  const statuses: NonNullable<VmSnapshotContentObj['status']>['volumeSnapshotStatus'] = [];
  for (const b of c.spec.volumeBackups ?? []) {
    if (!b.volumeSnapshotName) continue;
    const v = vs(b.volumeSnapshotName);
    if (!v) {
      const cls = snapshotClass(b.persistentVolumeClaim.spec.storageClassName);
      if (!cls) continue;
      const vm = c.spec.source.virtualMachine?.metadata;
      return {
        kind: 'createVolumeSnapshot',
        id: `vs:${b.volumeSnapshotName}`,
        volumeSnapshot: {
          apiVersion: 'snapshot.storage.k8s.io/v1',
          kind: 'VolumeSnapshot',
          metadata: {
            name: b.volumeSnapshotName,
            namespace: c.metadata.namespace,
            labels: {
              'snapshot.kubevirt.io/source-vm-name': vm?.name ?? '',
              'snapshot.kubevirt.io/source-vm-namespace': vm?.namespace ?? '',
            },
            ownerReferences: [
              {
                apiVersion: 'snapshot.kubevirt.io/v1beta1',
                kind: 'VirtualMachineSnapshotContent',
                name: c.metadata.name,
                uid: c.metadata.uid ?? '',
                controller: true,
                blockOwnerDeletion: true,
              },
            ],
          },
          spec: {
            source: { persistentVolumeClaimName: b.persistentVolumeClaim.metadata.name },
            volumeSnapshotClassName: cls,
          },
        },
      };
    }
    statuses.push({
      volumeSnapshotName: v.metadata.name,
      ...(v.status?.readyToUse !== undefined ? { readyToUse: v.status.readyToUse } : {}),
      ...(v.status?.creationTime ? { creationTime: v.status.creationTime } : {}),
    });
  }
  const created = statuses.every((s) => s.creationTime);
  const ready = statuses.every((s) => s.readyToUse === true);
  const want = {
    readyToUse: ready,
    creationTime: created ? (c.status?.creationTime ?? now) : null,
    volumeSnapshotStatus: statuses,
  };
  const cur = c.status;
  if (
    cur?.readyToUse === want.readyToUse &&
    !!cur.creationTime === !!want.creationTime &&
    sameJson(cur.volumeSnapshotStatus ?? [], statuses)
  )
    return undefined;
  return { kind: 'status', id: `content:${c.metadata.uid ?? ''}:${digestOf(want)}`, status: want };
}

const digestOf = (v: {
  readyToUse: boolean;
  creationTime: string | null;
  volumeSnapshotStatus: unknown[];
}) => `${String(v.readyToUse)}:${String(!!v.creationTime)}:${v.volumeSnapshotStatus.length}`;

// ---- Restore --------------------------------------------------------------------------------

export const restoreName = (r: VmRestoreObj, volume: string) =>
  `restore-${r.metadata.uid ?? ''}-${volume}`;

export const gracePeriodMessage =
  'Waiting for target VM to be powered off. Please stop the restore target to proceed with restore, or the operation will fail after 5m0s';
export const waitEventuallyMessage =
  'Waiting for target VM to be powered off. Please stop the restore target to proceed with restore';
export const vmiExistsEventMessage =
  'Restore target VMI still exists, please stop the restore target to proceed with restore';
export const gracePeriodExceeded =
  'Restore target failed to be ready within 5m0s. Please power off the target VM before attempting restore';
export const targetNotReadyFailure =
  'Restore target VMI must be powered off before restore operation';
export const stopTargetMessage = 'Automatically stopping restore target for restore operation';

export interface RestoreWorld {
  vm: VmObj | undefined;
  vmi: VmiObj | undefined;
  snapshot: VmSnapshotObj | undefined;
  content: VmSnapshotContentObj | undefined;
  pvc: (name: string) => PvcObj | undefined;
  dv: (name: string) => DataVolumeObj | undefined;
  now: string;
  /** The not-ready warning was recorded already for this restore. */
  warned: boolean;
}

export type RestoreStep =
  | {
      kind: 'status';
      id: string;
      status: NonNullable<VmRestoreObj['status']>;
      event?: { type: 'Normal' | 'Warning'; reason: string; message: string };
      after?: number;
    }
  | { kind: 'own'; id: string }
  | { kind: 'stopTarget'; id: string }
  | { kind: 'vmStatus'; id: string; restoreInProgress: string | null }
  | { kind: 'createPvc'; id: string; pvc: KObj }
  | { kind: 'createDv'; id: string; dv: KObj }
  | { kind: 'updateVm'; id: string; spec: VmObj['spec']; annotations: Record<string, string> }
  | { kind: 'deleteDv'; id: string; name: string }
  | { kind: 'removeFinalizer'; id: string };

const failed = (r: VmRestoreObj) => !!r.status?.conditions?.some((c) => c.type === 'Failure');

export function decideRestore(r: VmRestoreObj, w: RestoreWorld): RestoreStep | undefined {
  const uid = r.metadata.uid ?? '';
  const vm = w.vm;
  const status = r.status;
  const conds = (p: string, ready: string, reasonP: string, reasonR = reasonP) =>
    setSnapshotConditions(status?.conditions, [
      cond('Progressing', p, reasonP, w.now),
      cond('Ready', ready, reasonR, w.now),
    ]);

  if (r.metadata.deletionTimestamp) {
    if (vm?.status?.restoreInProgress === r.metadata.name)
      return { kind: 'vmStatus', id: `release:${uid}`, restoreInProgress: null };
    return (r.metadata.finalizers ?? []).includes(RESTORE_FINALIZER)
      ? { kind: 'removeFinalizer', id: `unfinalize:${uid}` }
      : undefined;
  }
  if (!status)
    return {
      kind: 'status',
      id: `init:${uid}`,
      status: {
        complete: false,
        conditions: conds('True', 'False', 'Initializing VirtualMachineRestore'),
      },
    };
  if (status.complete || failed(r)) {
    if (vm?.status?.restoreInProgress === r.metadata.name)
      return { kind: 'vmStatus', id: `release:${uid}`, restoreInProgress: null };
    return undefined;
  }
  if (
    vm &&
    (!r.metadata.ownerReferences?.length ||
      !(r.metadata.finalizers ?? []).includes(RESTORE_FINALIZER))
  )
    return { kind: 'own', id: `own:${uid}` };

  // target.Ready(): the target's VMI must be gone.
  if (vm && w.vmi) {
    const policy = r.spec.targetReadinessPolicy ?? 'WaitGracePeriod';
    const fail = (message: string, after = 0): RestoreStep => ({
      kind: 'status',
      id: `fail:${uid}:${message.slice(0, 20)}`,
      after,
      status: {
        ...status,
        conditions: setSnapshotConditions(status.conditions, [
          cond('Failure', 'True', message, w.now),
          cond('Progressing', 'False', message, w.now),
          cond('Ready', 'False', message, w.now),
        ]),
      },
      event: { type: 'Warning', reason: 'VirtualMachineRestoreError', message },
    });
    if (policy === 'FailImmediate') return fail(targetNotReadyFailure);
    if (policy === 'StopTarget')
      return { kind: 'stopTarget', id: `stop:${uid}:${vm.metadata.generation ?? 0}` };
    const reason = policy === 'WaitEventually' ? waitEventuallyMessage : gracePeriodMessage;
    const shown = status.conditions?.find((c) => c.type === 'Progressing')?.reason === reason;
    if (!shown || !w.warned)
      return {
        kind: 'status',
        id: `not-ready:${uid}`,
        status: { ...status, conditions: conds('False', 'False', reason) },
        event: { type: 'Warning', reason: 'RestoreTargetNotReady', message: vmiExistsEventMessage },
      };
    // WaitGracePeriodAndFail: fail once the grace period since creation has passed.
    return policy === 'WaitEventually' ? undefined : fail(gracePeriodExceeded, GRACE_S);
  }

  const snapshot = w.snapshot;
  const content = w.content;
  const snapVm = content?.spec.source.virtualMachine;
  if (!snapshot || snapshot.status?.readyToUse !== true || !content || !snapVm) return undefined;
  if (vm && vm.status?.snapshotInProgress) return undefined;
  const lastRestore = `${r.metadata.name}-${uid}`;
  const specRestored = vm?.metadata.annotations?.[LAST_RESTORE_ANNOTATION] === lastRestore;
  if (vm && !specRestored && vm.status?.restoreInProgress !== r.metadata.name)
    return { kind: 'vmStatus', id: `in-progress:${uid}`, restoreInProgress: r.metadata.name };

  // Restores: one claim per backed-up volume.
  const dvNames = new Set((snapVm.spec.dataVolumeTemplates ?? []).map((t) => t.metadata.name));
  const restores = (content.spec.volumeBackups ?? []).flatMap((b) => {
    if (!b.volumeSnapshotName) return [];
    const name = restoreName(r, b.volumeName);
    const isDv = snapVm.spec.template.spec.volumes?.some(
      (v) => v.name === b.volumeName && v.dataVolume && dvNames.has(v.dataVolume.name),
    );
    return [
      {
        volumeName: b.volumeName,
        persistentVolumeClaim: name,
        volumeSnapshotName: b.volumeSnapshotName,
        ...(isDv ? { dataVolumeName: name } : {}),
      },
    ];
  });
  if (!sameJson(status.restores ?? [], restores))
    return {
      kind: 'status',
      id: `restores:${uid}`,
      status: {
        ...status,
        restores,
        conditions: conds('True', 'False', 'Creating new PVCs', 'Waiting for new PVCs'),
      },
    };
  for (const rs of restores) {
    if (w.pvc(rs.persistentVolumeClaim)) continue;
    const b = (content.spec.volumeBackups ?? []).find((x) => x.volumeName === rs.volumeName);
    if (!b) continue;
    return {
      kind: 'createPvc',
      id: `pvc:${rs.persistentVolumeClaim}`,
      pvc: restorePvc(r, b, rs, snapVm.metadata),
    };
  }
  if (restores.some((rs) => w.pvc(rs.persistentVolumeClaim)?.status?.phase !== 'Bound'))
    return undefined;

  if (!vm || !specRestored) {
    const spec = restoredSpec(snapVm.spec, restores, vm);
    for (const t of spec.dataVolumeTemplates ?? []) {
      if (w.dv(t.metadata.name) || !restores.some((rs) => rs.dataVolumeName === t.metadata.name))
        continue;
      return {
        kind: 'createDv',
        id: `dv:${t.metadata.name}`,
        dv: {
          apiVersion: 'cdi.kubevirt.io/v1beta1',
          kind: 'DataVolume',
          metadata: {
            name: t.metadata.name,
            namespace: r.metadata.namespace,
            annotations: {
              'restore.kubevirt.io/name': r.metadata.name,
              'cdi.kubevirt.io/storage.prePopulated': 'true',
            },
            ...(vm
              ? {
                  ownerReferences: [
                    {
                      apiVersion: 'kubevirt.io/v1',
                      kind: 'VirtualMachine',
                      name: vm.metadata.name,
                      uid: vm.metadata.uid ?? '',
                      controller: true,
                      blockOwnerDeletion: true,
                    },
                  ],
                }
              : {}),
          },
          spec: t.spec,
        },
      };
    }
    const deleted = vm
      ? (vm.spec.dataVolumeTemplates ?? [])
          .map((t) => t.metadata.name)
          .filter((n) => !(spec.dataVolumeTemplates ?? []).some((t) => t.metadata.name === n))
      : [];
    if (!sameJson(status.deletedDataVolumes ?? [], deleted))
      return {
        kind: 'status',
        id: `deleted-dvs:${uid}`,
        status: {
          ...status,
          deletedDataVolumes: deleted,
          conditions: conds('True', 'False', 'Updating target spec', 'Waiting for target update'),
        },
      };
    if (!vm) return undefined; // restoring to a new VM is not simulated
    return {
      kind: 'updateVm',
      id: `vm:${uid}`,
      spec,
      annotations: { [LAST_RESTORE_ANNOTATION]: lastRestore },
    };
  }
  // deleteObsoleteVolumes, then done.
  const obsolete = (status.deletedDataVolumes ?? []).find((n) => w.dv(n));
  if (obsolete) return { kind: 'deleteDv', id: `delete-dv:${obsolete}`, name: obsolete };
  // UpdateDoneRestore releases the VM before the restore reports complete.
  if (vm.status?.restoreInProgress === r.metadata.name)
    return { kind: 'vmStatus', id: `done:${uid}`, restoreInProgress: null };
  return {
    kind: 'status',
    id: `complete:${uid}`,
    status: {
      ...status,
      complete: true,
      restoreTime: w.now,
      conditions: conds('False', 'True', 'Operation complete'),
    },
    event: {
      type: 'Normal',
      reason: 'VirtualMachineRestoreComplete',
      message: `Successfully completed VirtualMachineRestore ${r.metadata.name}`,
    },
  };
}

/** generateRestoredVMSpec: templates renamed to the restored claims, volumes pointed at them. */
export function restoredSpec(
  snap: VmObj['spec'],
  restores: NonNullable<NonNullable<VmRestoreObj['status']>['restores']>,
  target: VmObj | undefined,
): VmObj['spec'] {
  const templates = (snap.dataVolumeTemplates ?? []).map((t) => ({ ...t }));
  const volumes = (snap.template.spec.volumes ?? []).map((v) => {
    const rs = restores.find((x) => x.volumeName === v.name);
    if (!rs) return v;
    if (v.persistentVolumeClaim)
      return {
        ...v,
        persistentVolumeClaim: { ...v.persistentVolumeClaim, claimName: rs.persistentVolumeClaim },
      };
    if (v.dataVolume) {
      const i = templates.findIndex((t) => t.metadata.name === v.dataVolume?.name);
      const t = templates[i];
      if (t && rs.dataVolumeName) {
        templates[i] = { ...t, metadata: { ...t.metadata, name: rs.dataVolumeName } };
        return { ...v, dataVolume: { ...v.dataVolume, name: rs.dataVolumeName } };
      }
      return { name: v.name, persistentVolumeClaim: { claimName: rs.persistentVolumeClaim } };
    }
    return v;
  });
  return {
    ...snap,
    // An existing VM keeps its run strategy.
    ...(target
      ? { runStrategy: target.spec.runStrategy ?? snap.runStrategy }
      : { runStrategy: 'Halted' }),
    dataVolumeTemplates: templates,
    template: { ...snap.template, spec: { ...snap.template.spec, volumes } },
  };
}

export function restorePvc(
  r: VmRestoreObj,
  b: VolumeBackup,
  rs: { persistentVolumeClaim: string; dataVolumeName?: string },
  source: { name: string; namespace?: string },
): KObj {
  const snapshotRef = {
    apiGroup: 'snapshot.storage.k8s.io',
    kind: 'VolumeSnapshot',
    name: b.volumeSnapshotName ?? '',
  };
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name: rs.persistentVolumeClaim,
      namespace: r.metadata.namespace,
      labels: {
        ...(b.persistentVolumeClaim.metadata.labels ?? {}),
        'restore.kubevirt.io/source-vm-name': source.name,
        'restore.kubevirt.io/source-vm-namespace': source.namespace ?? '',
      },
      annotations: {
        'restore.kubevirt.io/name': r.metadata.name,
        ...(rs.dataVolumeName ? { 'cdi.kubevirt.io/storage.populatedFor': rs.dataVolumeName } : {}),
      },
    },
    spec: {
      accessModes: b.persistentVolumeClaim.spec.accessModes,
      resources: b.persistentVolumeClaim.spec.resources,
      storageClassName: b.persistentVolumeClaim.spec.storageClassName,
      volumeMode: b.persistentVolumeClaim.spec.volumeMode,
      dataSource: snapshotRef,
      dataSourceRef: snapshotRef,
    },
  };
}
