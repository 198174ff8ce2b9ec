// Plays virt-controller's snapshot-controller and restore-controller; decisions in snapshot.ts.
import type { VmObj, VmRestoreObj, VmSnapshotContentObj, VmSnapshotObj } from '../kinds.ts';
import { isStatus } from '../kube/rest.ts';
import { keyOf, pathOf, pathOfObj, R, type KObj } from '../kube/types.ts';
import type { Plan } from '../runner.ts';
import { runner, splitKey, type World } from '../world.ts';
import {
  CONTENT_FINALIZER,
  decideContent,
  decideRestore,
  decideSnapshot,
  RESTORE_FINALIZER,
  sameJson,
  SNAPSHOT_FINALIZER,
  SOURCE_FINALIZER,
  volumeSnapshotStatuses,
  type VolumeInfo,
} from './snapshot.ts';

const SNAPSHOT = 'snapshot-controller';
const RESTORE = 'restore-controller';
const STEP = 0.5;

export function startSnapshots(w: World): void {
  const i = w.inf;
  if (!i.vmSnapshots.available || !i.vmSnapshotContents.available || !i.vmRestores.available)
    return;
  const warned = new Set<string>();

  const snapshotClassFor = (storageClass: string | undefined): string | undefined => {
    const sc = storageClass ? i.storageClasses.get(undefined, storageClass) : undefined;
    if (!sc) return undefined;
    const matches = i.volumeSnapshotClasses.list().filter((c) => c.driver === sc.provisioner);
    // getVolumeSnapshotClassName: the default one when several match.
    return (
      matches.find(
        (c) =>
          c.metadata.annotations?.['snapshot.storage.kubernetes.io/is-default-class'] === 'true',
      ) ?? matches[0]
    )?.metadata.name;
  };
  const info =
    (ns: string | undefined, vm: VmObj | undefined) =>
    (volumeOrClaim: string): VolumeInfo => {
      const v = vm?.spec.template.spec.volumes?.find((x) => x.name === volumeOrClaim);
      const claim = v?.persistentVolumeClaim?.claimName ?? v?.dataVolume?.name ?? volumeOrClaim;
      const pvc = i.pvcs.get(ns, claim);
      const dv = i.dataVolumes.get(ns, claim);
      const storageClass =
        pvc?.spec.storageClassName ??
        dv?.spec.storage?.storageClassName ??
        dv?.spec.pvc?.storageClassName;
      return {
        volume: volumeOrClaim,
        claim: pvc,
        storageClass,
        snapshotClass: snapshotClassFor(storageClass),
      };
    };

  const event = (
    res: (typeof R)[keyof typeof R],
    obj: KObj,
    reason: string,
    message: string,
    component: string,
    type: 'Normal' | 'Warning' = 'Normal',
  ) => w.events.record(res, obj, { reason, message, component, type });

  const create = async (path: string, obj: KObj) => {
    try {
      await w.rest.create(path, obj);
    } catch (err) {
      if (!isStatus(err, 409)) throw err;
    }
  };

  const lockVm = (vm: VmObj, snapshotName: string | null) => async () => {
    // Lock: finalizer on the VM and status.snapshotInProgress; unlock undoes both.
    const finalizers = (vm.metadata.finalizers ?? []).filter((f) => f !== SOURCE_FINALIZER);
    if (snapshotName) finalizers.push(SOURCE_FINALIZER);
    const updated = await w.rest.mergePatch<VmObj>(pathOfObj(R.virtualMachine, vm), {
      metadata: { finalizers, resourceVersion: vm.metadata.resourceVersion },
    });
    await w.rest.mergePatch(pathOfObj(R.virtualMachine, updated, 'status'), {
      status: { snapshotInProgress: snapshotName },
    });
  };

  const snapRunner = runner(
    w,
    'vmsnapshots',
    (key): Plan[] => {
      const [ns, name] = splitKey(key);
      const s = i.vmSnapshots.get(ns, name);
      if (!s) return [];
      const vm =
        s.spec.source.kind === 'VirtualMachine' ? i.vms.get(ns, s.spec.source.name) : undefined;
      const step = decideSnapshot(s, {
        vm,
        vmi: vm ? i.vmis.get(ns, vm.metadata.name) : undefined,
        content: i.vmSnapshotContents.get(ns, `vmsnapshot-content-${s.metadata.uid ?? ''}`),
        info: info(ns, vm),
        dv: (n) => i.dataVolumes.get(ns, n),
        now: new Date().toISOString(),
        nowMs: Date.now(),
      });
      if (!step) return [];
      const plan = (run: () => Promise<void>): Plan[] => [{ id: step.id, after: STEP, run }];
      switch (step.kind) {
        case 'status':
          return plan(async () => {
            let cur: VmSnapshotObj = s;
            if (step.finalizer)
              cur = await w.rest.mergePatch<VmSnapshotObj>(pathOfObj(R.vmSnapshot, s), {
                metadata: {
                  finalizers: [...(s.metadata.finalizers ?? []), SNAPSHOT_FINALIZER],
                  resourceVersion: s.metadata.resourceVersion,
                },
              });
            await w.rest.mergePatch(pathOfObj(R.vmSnapshot, cur, 'status'), {
              status: step.status,
            });
          });
        case 'lock':
          return vm ? plan(lockVm(vm, s.metadata.name)) : [];
        case 'unlock':
          return vm ? plan(lockVm(vm, null)) : [];
        case 'createContent':
          return plan(async () => {
            await create(pathOf(R.vmSnapshotContent, ns), step.content);
            event(
              R.vmSnapshot,
              s,
              'SuccessfulVirtualMachineSnapshotContentCreate',
              `Successfully created VirtualMachineSnapshotContent ${step.content.metadata.name}`,
              SNAPSHOT,
            );
          });
        case 'removeFinalizer':
          return plan(async () => {
            await w.rest.mergePatch(pathOfObj(R.vmSnapshot, s), {
              metadata: {
                finalizers: (s.metadata.finalizers ?? []).filter((f) => f !== SNAPSHOT_FINALIZER),
                resourceVersion: s.metadata.resourceVersion,
              },
            });
          });
      }
    },
    (key) => {
      const [ns, name] = splitKey(key);
      return !!i.vmSnapshots.get(ns, name)?.metadata.deletionTimestamp;
    },
  );

  const contentRunner = runner(
    w,
    'vmsnapshotcontents',
    (key): Plan[] => {
      const [ns, name] = splitKey(key);
      const c = i.vmSnapshotContents.get(ns, name);
      if (!c) return [];
      const owner = c.spec.virtualMachineSnapshotName
        ? i.vmSnapshots.get(ns, c.spec.virtualMachineSnapshotName)
        : undefined;
      if (!owner || owner.metadata.deletionTimestamp) {
        // The snapshot is gone: release the content (deletionPolicy Delete removes it with it).
        if (!(c.metadata.finalizers ?? []).includes(CONTENT_FINALIZER)) return [];
        return [
          {
            id: `release:${c.metadata.uid ?? ''}`,
            after: STEP,
            run: async () => {
              await w.rest.mergePatch(pathOfObj(R.vmSnapshotContent, c), {
                metadata: {
                  finalizers: (c.metadata.finalizers ?? []).filter((f) => f !== CONTENT_FINALIZER),
                  resourceVersion: c.metadata.resourceVersion,
                },
              });
              if ((owner?.spec.deletionPolicy ?? 'Delete') === 'Delete')
                await w.rest.delete(pathOfObj(R.vmSnapshotContent, c));
            },
          },
        ];
      }
      const step = decideContent(
        c,
        (n) => i.volumeSnapshots.get(ns, n),
        snapshotClassFor,
        new Date().toISOString(),
      );
      if (!step) return [];
      if (step.kind === 'createVolumeSnapshot')
        return [
          {
            id: step.id,
            after: STEP,
            run: async () => {
              await create(pathOf(R.volumeSnapshot, ns), step.volumeSnapshot);
              event(
                R.vmSnapshotContent,
                c,
                'SuccessfulVolumeSnapshotCreate',
                `Successfully created VolumeSnapshot ${step.volumeSnapshot.metadata.name}`,
                SNAPSHOT,
              );
            },
          },
        ];
      return [
        {
          id: step.id,
          after: STEP,
          run: () =>
            w.rest
              .mergePatch(pathOfObj(R.vmSnapshotContent, c, 'status'), { status: step.status })
              .then(() => {}),
        },
      ];
    },
    (key) => {
      const [ns, name] = splitKey(key);
      return !!i.vmSnapshotContents.get(ns, name)?.metadata.deletionTimestamp;
    },
  );

  const restoreRunner = runner(
    w,
    'vmrestores',
    (key): Plan[] => {
      const [ns, name] = splitKey(key);
      const r = i.vmRestores.get(ns, name);
      if (!r) {
        warned.delete(key);
        return [];
      }
      const vm =
        r.spec.target.kind === 'VirtualMachine' ? i.vms.get(ns, r.spec.target.name) : undefined;
      const snapshot = i.vmSnapshots.get(ns, r.spec.virtualMachineSnapshotName);
      const step = decideRestore(r, {
        vm,
        vmi: vm ? i.vmis.get(ns, vm.metadata.name) : undefined,
        snapshot,
        content: snapshot?.status?.virtualMachineSnapshotContentName
          ? i.vmSnapshotContents.get(ns, snapshot.status.virtualMachineSnapshotContentName)
          : undefined,
        pvc: (n) => i.pvcs.get(ns, n),
        dv: (n) => i.dataVolumes.get(ns, n),
        now: new Date().toISOString(),
        warned: warned.has(key),
      });
      if (!step) return [];
      const plan = (run: () => Promise<void>, after = STEP): Plan[] => [
        { id: step.id, after, run },
      ];
      switch (step.kind) {
        case 'status':
          return plan(async () => {
            await w.rest.mergePatch(pathOfObj(R.vmRestore, r, 'status'), { status: step.status });
            if (step.event) {
              if (step.event.reason === 'RestoreTargetNotReady') warned.add(key);
              event(
                R.vmRestore,
                r,
                step.event.reason,
                step.event.message,
                RESTORE,
                step.event.type,
              );
            }
          }, step.after ?? STEP);
        case 'own':
          return vm
            ? plan(async () => {
                await w.rest.mergePatch(pathOfObj(R.vmRestore, r), {
                  metadata: {
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
                    finalizers: [
                      ...(r.metadata.finalizers ?? []).filter((f) => f !== RESTORE_FINALIZER),
                      RESTORE_FINALIZER,
                    ],
                    resourceVersion: r.metadata.resourceVersion,
                  },
                });
              })
            : [];
        case 'stopTarget':
          return vm
            ? plan(async () => {
                event(
                  R.vmRestore,
                  r,
                  'RestoreTargetNotReady',
                  'Automatically stopping restore target for restore operation',
                  RESTORE,
                  'Warning',
                );
                // virt-api's stop for runStrategy Always: the run strategy becomes Halted.
                await w.rest.mergePatch(pathOfObj(R.virtualMachine, vm), {
                  spec: { runStrategy: 'Halted' },
                });
              })
            : [];
        case 'vmStatus':
          return vm
            ? plan(async () => {
                await w.rest.mergePatch(pathOfObj(R.virtualMachine, vm, 'status'), {
                  status: { restoreInProgress: step.restoreInProgress },
                });
              })
            : [];
        case 'createPvc':
          return plan(() => create(pathOf(R.pvc, ns), step.pvc));
        case 'createDv':
          return plan(() => create(pathOf(R.dataVolume, ns), step.dv));
        case 'updateVm':
          return vm
            ? plan(async () => {
                await w.rest.mergePatch(pathOfObj(R.virtualMachine, vm), {
                  metadata: {
                    annotations: step.annotations,
                    resourceVersion: vm.metadata.resourceVersion,
                  },
                  spec: step.spec,
                });
              })
            : [];
        case 'deleteDv':
          return plan(() => w.rest.delete(pathOf(R.dataVolume, ns, step.name)));
        case 'removeFinalizer':
          return plan(async () => {
            await w.rest.mergePatch(pathOfObj(R.vmRestore, r), {
              metadata: {
                finalizers: (r.metadata.finalizers ?? []).filter((f) => f !== RESTORE_FINALIZER),
                resourceVersion: r.metadata.resourceVersion,
              },
            });
          });
      }
    },
    (key) => {
      const [ns, name] = splitKey(key);
      return !!i.vmRestores.get(ns, name)?.metadata.deletionTimestamp;
    },
  );

  // vm.status.volumeSnapshotStatuses, kept for every VM (updateVolumeSnapshotStatuses).
  const vmRunner = runner(w, 'vm-snapshot-statuses', (key): Plan[] => {
    const [ns, name] = splitKey(key);
    const vm = i.vms.get(ns, name);
    if (!vm || vm.metadata.deletionTimestamp) return [];
    const want = volumeSnapshotStatuses(vm, info(ns, vm));
    if (sameJson(vm.status?.volumeSnapshotStatuses ?? [], want)) return [];
    return [
      {
        id: `vss:${vm.metadata.uid ?? ''}:${JSON.stringify(want)}`,
        after: STEP,
        run: () =>
          w.rest
            .mergePatch(pathOfObj(R.virtualMachine, vm, 'status'), {
              status: { volumeSnapshotStatuses: want },
            })
            .then(() => {}),
      },
    ];
  });

  const bySnapshotOf = (ns: string | undefined, vmName: string) => {
    for (const s of i.vmSnapshots.list(ns))
      if (s.spec.source.name === vmName) snapRunner.enqueue(keyOf(s));
    for (const r of i.vmRestores.list(ns))
      if (r.spec.target.name === vmName) restoreRunner.enqueue(keyOf(r));
  };
  i.vmSnapshots.on((s) => {
    snapRunner.enqueue(keyOf(s));
    for (const r of i.vmRestores.list(s.metadata.namespace))
      if (r.spec.virtualMachineSnapshotName === s.metadata.name) restoreRunner.enqueue(keyOf(r));
    for (const c of i.vmSnapshotContents.list(s.metadata.namespace))
      if (c.spec.virtualMachineSnapshotName === s.metadata.name) contentRunner.enqueue(keyOf(c));
  });
  i.vmSnapshotContents.on((c: VmSnapshotContentObj) => {
    contentRunner.enqueue(keyOf(c));
    if (c.spec.virtualMachineSnapshotName)
      snapRunner.enqueue(`${c.metadata.namespace ?? ''}/${c.spec.virtualMachineSnapshotName}`);
  });
  i.vmRestores.on((r: VmRestoreObj) => restoreRunner.enqueue(keyOf(r)));
  i.volumeSnapshots.on((vs) => {
    for (const o of vs.metadata.ownerReferences ?? [])
      if (o.kind === 'VirtualMachineSnapshotContent')
        contentRunner.enqueue(`${vs.metadata.namespace ?? ''}/${o.name}`);
  });
  i.vms.on((vm) => {
    vmRunner.enqueue(keyOf(vm));
    bySnapshotOf(vm.metadata.namespace, vm.metadata.name);
  });
  i.vmis.on((vmi) => bySnapshotOf(vmi.metadata.namespace, vmi.metadata.name));
  const byClaim = (o: KObj) => {
    for (const vm of i.vms.list(o.metadata.namespace)) {
      vmRunner.enqueue(keyOf(vm));
      bySnapshotOf(vm.metadata.namespace, vm.metadata.name);
    }
  };
  i.pvcs.on(byClaim);
  i.dataVolumes.on(byClaim);
  i.volumeSnapshotClasses.on(() => {
    for (const vm of i.vms.list()) vmRunner.enqueue(keyOf(vm));
  });
}
