import { describe, expect, it } from 'vitest';

import type {
  DataVolumeObj,
  PvcObj,
  VmiObj,
  VmObj,
  VmRestoreObj,
  VmSnapshotContentObj,
  VmSnapshotObj,
  VolumeSnapshotObj,
} from '../kinds.ts';
import {
  decideContent,
  decideRestore,
  decideSnapshot,
  gracePeriodMessage,
  restoredSpec,
  sameJson,
  SOURCE_FINALIZER,
  volumeSnapshotStatuses,
  type RestoreWorld,
  type SnapshotWorld,
  type VolumeInfo,
} from './snapshot.ts';

const now = new Date().toISOString();
const vm = (status: VmObj['status'] = {}, finalizers: string[] = []): VmObj => ({
  metadata: { name: 'web', namespace: 't', uid: 'vm1', finalizers },
  spec: {
    runStrategy: 'Halted',
    dataVolumeTemplates: [{ metadata: { name: 'web-root' }, spec: {} }],
    template: {
      spec: {
        domain: {},
        volumes: [
          { name: 'root', dataVolume: { name: 'web-root' } },
          { name: 'cloudinit', cloudInitNoCloud: {} },
        ],
      },
    },
  },
  status,
});
const bound: PvcObj = {
  metadata: { name: 'web-root', namespace: 't' },
  spec: { storageClassName: 'replicated', accessModes: ['ReadWriteMany'] },
  status: { phase: 'Bound' },
};
const info =
  (snapshotClass: string | undefined) =>
  (v: string): VolumeInfo => ({
    volume: v,
    claim: bound,
    storageClass: 'replicated',
    snapshotClass,
  });
const dvDone: DataVolumeObj = {
  metadata: { name: 'web-root' },
  spec: {},
  status: { phase: 'Succeeded' },
};
const snapshot = (extra: Partial<VmSnapshotObj> = {}): VmSnapshotObj => ({
  metadata: { name: 's1', namespace: 't', uid: 'snap1', creationTimestamp: now },
  spec: { source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: 'web' } },
  ...extra,
});
const world = (w: Partial<SnapshotWorld> = {}): SnapshotWorld => ({
  vm: vm(),
  vmi: undefined,
  content: undefined,
  info: info('linstor-snapshots'),
  dv: () => dvDone,
  now,
  nowMs: Date.now(),
  ...w,
});

describe('decideSnapshot', () => {
  it('waits with upstream’s condition while the VM does not exist', () => {
    const step = decideSnapshot(snapshot(), world({ vm: undefined }));
    expect(step?.kind).toBe('status');
    if (step?.kind !== 'status') return;
    expect(step.status.phase).toBe('InProgress');
    expect(step.status.conditions).toContainEqual(
      expect.objectContaining({
        type: 'Progressing',
        status: 'False',
        reason: 'Source does not exist',
      }),
    );
  });

  it('fails after the failure deadline', () => {
    const old = snapshot({
      metadata: {
        name: 's1',
        uid: 'snap1',
        creationTimestamp: new Date(Date.now() - 301_000).toISOString(),
      },
    });
    const step = decideSnapshot(old, world({ vm: undefined }));
    expect(step?.kind === 'status' && step.status.conditions).toContainEqual(
      expect.objectContaining({
        type: 'Failure',
        status: 'True',
        reason: 'snapshot deadline exceeded',
      }),
    );
  });

  it('locks the VM, then creates the content with one backup per claim that has a snapshot class', () => {
    const s = snapshot({
      metadata: {
        name: 's1',
        namespace: 't',
        uid: 'snap1',
        creationTimestamp: now,
        finalizers: ['snapshot.kubevirt.io/vmsnapshot-protection'],
      },
      status: {
        phase: 'InProgress',
        conditions: [
          { type: 'Progressing', status: 'False', reason: 'Source not locked' },
          { type: 'Ready', status: 'False', reason: 'Not ready' },
        ],
      },
    });
    expect(decideSnapshot(s, world())?.kind).toBe('lock');
    const locked = vm({ snapshotInProgress: 's1' }, [SOURCE_FINALIZER]);
    const lockedStatus = {
      ...s,
      status: {
        ...s.status,
        conditions: [
          {
            type: 'Progressing',
            status: 'True',
            reason: 'Source locked and operation in progress',
          },
          { type: 'Ready', status: 'False', reason: 'Not ready' },
        ],
      },
    };
    const step = decideSnapshot(lockedStatus, world({ vm: locked }));
    expect(step?.kind).toBe('createContent');
    if (step?.kind !== 'createContent') return;
    const c = step.content as VmSnapshotContentObj;
    expect(c.metadata.name).toBe('vmsnapshot-content-snap1');
    expect(c.spec.volumeBackups?.map((b) => [b.volumeName, b.volumeSnapshotName])).toEqual([
      ['root', 'vmsnapshot-snap1-volume-root'],
    ]);
    // Without a VolumeSnapshotClass the volume is left out.
    const none = decideSnapshot(lockedStatus, world({ vm: locked, info: info(undefined) }));
    expect(
      none?.kind === 'createContent' && (none.content as VmSnapshotContentObj).spec.volumeBackups,
    ).toEqual([]);
  });

  it('succeeds from the content, lists included/excluded volumes, and marks a partial one', () => {
    const content: VmSnapshotContentObj = {
      metadata: { name: 'vmsnapshot-content-snap1' },
      spec: {
        source: { virtualMachine: { metadata: { name: 'web' }, spec: vm().spec } },
        volumeBackups: [],
      },
      status: { readyToUse: true, creationTime: now },
    };
    const step = decideSnapshot(
      snapshot({ status: { phase: 'InProgress', indications: ['Online', 'GuestAgent'] } }),
      world({ content }),
    );
    expect(step?.kind).toBe('status');
    if (step?.kind !== 'status') return;
    expect(step.status).toMatchObject({
      phase: 'Succeeded',
      readyToUse: true,
      sourceUID: 'vm1',
      snapshotVolumes: { includedVolumes: [], excludedVolumes: ['root', 'cloudinit'] },
      indications: ['Online', 'GuestAgent', 'Partial'],
    });
  });

  it('reports Online and the guest agent for a running VM', () => {
    const vmi: VmiObj = {
      metadata: { name: 'web' },
      spec: { domain: {} },
      status: { phase: 'Running', conditions: [{ type: 'AgentConnected', status: 'True' }] },
    };
    const step = decideSnapshot(snapshot(), world({ vmi }));
    expect(step?.kind === 'status' && step.status.indications).toEqual(['Online', 'GuestAgent']);
  });
});

describe('volumeSnapshotStatuses', () => {
  it('says why a volume cannot be snapshotted', () => {
    expect(volumeSnapshotStatuses(vm(), info(undefined))).toEqual([
      {
        name: 'root',
        enabled: false,
        reason:
          'No VolumeSnapshotClass: Volume snapshots are not configured for this StorageClass [replicated] [root]',
      },
      {
        name: 'cloudinit',
        enabled: false,
        reason: 'Snapshot is not supported for this volumeSource type [cloudinit]',
      },
    ]);
  });
});

describe('decideContent', () => {
  const content: VmSnapshotContentObj = {
    metadata: { name: 'c1', namespace: 't', uid: 'c1' },
    spec: {
      virtualMachineSnapshotName: 's1',
      source: { virtualMachine: { metadata: { name: 'web', namespace: 't' }, spec: vm().spec } },
      volumeBackups: [
        {
          volumeName: 'root',
          persistentVolumeClaim: {
            metadata: { name: 'web-root' },
            spec: { storageClassName: 'replicated' },
          },
          volumeSnapshotName: 'vs-root',
        },
      ],
    },
  };
  it('creates the VolumeSnapshot, then takes readiness from it', () => {
    const create = decideContent(
      content,
      () => undefined,
      () => 'linstor-snapshots',
      now,
    );
    expect(create?.kind === 'createVolumeSnapshot' && create.volumeSnapshot.spec).toEqual({
      source: { persistentVolumeClaimName: 'web-root' },
      volumeSnapshotClassName: 'linstor-snapshots',
    });
    const vs: VolumeSnapshotObj = {
      metadata: { name: 'vs-root' },
      spec: { source: {} },
      status: { readyToUse: true, creationTime: now },
    };
    const ready = decideContent(
      content,
      () => vs,
      () => 'linstor-snapshots',
      now,
    );
    expect(ready?.kind === 'status' && ready.status).toMatchObject({
      readyToUse: true,
      creationTime: now,
    });
  });
});

describe('decideRestore', () => {
  const contentFor = (): VmSnapshotContentObj => ({
    metadata: { name: 'c1' },
    spec: {
      source: { virtualMachine: { metadata: { name: 'web', namespace: 't' }, spec: vm().spec } },
      volumeBackups: [
        {
          volumeName: 'root',
          persistentVolumeClaim: {
            metadata: { name: 'web-root' },
            spec: { storageClassName: 'replicated' },
          },
          volumeSnapshotName: 'vs-root',
        },
      ],
    },
  });
  const restore = (status?: VmRestoreObj['status']): VmRestoreObj => ({
    metadata: {
      name: 'r1',
      namespace: 't',
      uid: 'r1uid',
      ownerReferences: [
        { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', name: 'web', uid: 'vm1' },
      ],
      finalizers: ['snapshot.kubevirt.io/vmrestore-protection'],
    },
    spec: { target: { kind: 'VirtualMachine', name: 'web' }, virtualMachineSnapshotName: 's1' },
    status,
  });
  const rw = (w: Partial<RestoreWorld> = {}): RestoreWorld => ({
    vm: vm({ restoreInProgress: 'r1' }),
    vmi: undefined,
    snapshot: snapshot({ status: { readyToUse: true, phase: 'Succeeded' } }),
    content: contentFor(),
    pvc: () => undefined,
    dv: () => undefined,
    now,
    warned: false,
    ...w,
  });

  it('waits for a running target with the grace-period message, then fails', () => {
    const vmi: VmiObj = {
      metadata: { name: 'web' },
      spec: { domain: {} },
      status: { phase: 'Running' },
    };
    const first = decideRestore(restore({ complete: false }), rw({ vmi }));
    expect(first?.kind === 'status' && first.event).toEqual({
      type: 'Warning',
      reason: 'RestoreTargetNotReady',
      message:
        'Restore target VMI still exists, please stop the restore target to proceed with restore',
    });
    const waiting = first?.kind === 'status' ? first.status : undefined;
    expect(waiting?.conditions?.[0]).toMatchObject({
      type: 'Progressing',
      reason: gracePeriodMessage,
    });
    const later = decideRestore(restore(waiting), rw({ vmi, warned: true }));
    expect(later?.kind === 'status' && later.after).toBe(300);
    expect(later?.kind === 'status' && later.status.conditions).toContainEqual(
      expect.objectContaining({
        type: 'Failure',
        reason:
          'Restore target failed to be ready within 5m0s. Please power off the target VM before attempting restore',
      }),
    );
  });

  it('names restored claims restore-<uid>-<volume> and creates them from the VolumeSnapshot', () => {
    const step = decideRestore(restore({ complete: false }), rw());
    expect(step?.kind === 'status' && step.status.restores).toEqual([
      {
        volumeName: 'root',
        persistentVolumeClaim: 'restore-r1uid-root',
        volumeSnapshotName: 'vs-root',
        dataVolumeName: 'restore-r1uid-root',
      },
    ]);
    const restores = step?.kind === 'status' ? step.status.restores : undefined;
    const pvc = decideRestore(restore({ complete: false, restores }), rw());
    expect(pvc?.kind === 'createPvc' && pvc.pvc.spec).toMatchObject({
      dataSource: { kind: 'VolumeSnapshot', name: 'vs-root' },
      storageClassName: 'replicated',
    });
  });

  it('rewrites the VM’s volumes and templates to the restored claims', () => {
    const spec = restoredSpec(
      vm().spec,
      [
        {
          volumeName: 'root',
          persistentVolumeClaim: 'restore-x-root',
          volumeSnapshotName: 'v',
          dataVolumeName: 'restore-x-root',
        },
      ],
      vm(),
    );
    expect(spec.dataVolumeTemplates?.map((t) => t.metadata.name)).toEqual(['restore-x-root']);
    expect(spec.template.spec.volumes?.[0]).toEqual({
      name: 'root',
      dataVolume: { name: 'restore-x-root' },
    });
    expect(spec.runStrategy).toBe('Halted');
  });
});

describe('sameJson', () => {
  it('ignores key order', () => {
    expect(sameJson({ a: 1, b: [{ c: 1, d: 2 }] }, { b: [{ d: 2, c: 1 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
  });
});
