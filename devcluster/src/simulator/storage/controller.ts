// Plays linstor-csi's provisioner, resizer and deleter for claims on linstor.csi.linbit.com classes.
import type { PvcObj } from '../kinds.ts';
import { parseQuantity } from '../quantity.ts';
import { isStatus } from '../kube/rest.ts';
import { keyOf, pathOf, pathOfObj, R } from '../kube/types.ts';
import type { Plan } from '../runner.ts';
import { runner, splitKey, type World } from '../world.ts';
import { decidePvc, decideVolumeSnapshot, LINSTOR, pvNameFor, shouldDeletePv } from './volumes.ts';

const PROVISION_AFTER = 1;
const RESIZE_AFTER = 1.5;
const DELETE_AFTER = 1;

export function startStorage(w: World): void {
  const { pvcs, pvs, storageClasses } = w.inf;

  const claimRunner = runner(w, 'linstor-claims', (key): Plan[] => {
    const [ns, name] = splitKey(key);
    const pvc = pvcs.get(ns, name);
    if (!pvc) return [];
    const sc = pvc.spec.storageClassName
      ? storageClasses.get(undefined, pvc.spec.storageClassName)
      : undefined;
    const pv = pvs.get(undefined, pvc.spec.volumeName ?? pvNameFor(pvc));
    const d = decidePvc(pvc, sc, pv);
    switch (d.kind) {
      case 'none':
        return [];
      case 'provision':
        return [
          {
            id: `provision:${pvc.metadata.uid}`,
            after: PROVISION_AFTER,
            run: async () => {
              event(
                pvc,
                'Provisioning',
                `External provisioner is provisioning volume for claim "${key}"`,
              );
              try {
                await w.rest.create(pathOf(R.pv), d.pv);
              } catch (err) {
                if (!isStatus(err, 409)) throw err;
              }
              event(
                pvc,
                'ProvisioningSucceeded',
                `Successfully provisioned volume ${d.pv.metadata.name}`,
              );
            },
          },
        ];
      case 'resize':
        return [
          {
            id: `resize:${pvc.metadata.uid}:${d.size}`,
            after: RESIZE_AFTER,
            run: async () => {
              event(pvc, 'Resizing', `External resizer is resizing volume ${d.pvName}`);
              await w.rest.mergePatch(pathOf(R.pv, undefined, d.pvName), {
                spec: { capacity: { storage: d.size } },
              });
              await w.rest.mergePatch(pathOfObj(R.pvc, pvc, 'status'), {
                status: {
                  capacity: { storage: d.size },
                  allocatedResources: { storage: d.size },
                  conditions: null,
                },
              });
              event(
                pvc,
                'VolumeResizeSuccessful',
                `resize volume "${d.pvName}" by resizer "${LINSTOR}" succeeded`,
              );
            },
          },
        ];
    }
  });

  const event = (pvc: PvcObj, reason: string, message: string) =>
    w.events.record(R.pvc, pvc, { reason, message, component: LINSTOR });

  const volumeRunner = runner(w, 'linstor-volumes', (name): Plan[] => {
    const pv = pvs.get(undefined, name);
    if (!pv || !shouldDeletePv(pv)) return [];
    return [
      {
        id: `delete:${pv.metadata.uid}`,
        after: DELETE_AFTER,
        run: () => w.rest.delete(pathOf(R.pv, undefined, name)),
      },
    ];
  });

  // VolumeSnapshots: the content is cut at once (LINSTOR thin snapshots are instant).
  const { volumeSnapshots, volumeSnapshotClasses } = w.inf;
  const contents = new Set<string>();
  const snapshotRunner = runner(w, 'linstor-snapshots', (key): Plan[] => {
    const [ns, name] = splitKey(key);
    const vs = volumeSnapshots.get(ns, name);
    if (!vs) return [];
    const pvcName = vs.spec.source.persistentVolumeClaimName;
    const d = decideVolumeSnapshot(
      vs,
      pvcName ? pvcs.get(ns, pvcName) : undefined,
      vs.spec.volumeSnapshotClassName
        ? volumeSnapshotClasses.get(undefined, vs.spec.volumeSnapshotClassName)
        : undefined,
      contents.has(`snapcontent-${vs.metadata.uid ?? ''}`),
    );
    if (d.kind === 'none') return [];
    if (d.kind === 'content')
      return [
        {
          id: `snapcontent:${vs.metadata.uid ?? ''}`,
          after: PROVISION_AFTER,
          run: async () => {
            try {
              await w.rest.create(pathOf(R.volumeSnapshotContent), d.content);
            } catch (err) {
              if (!isStatus(err, 409)) throw err;
            }
            contents.add(d.content.metadata.name);
          },
        },
      ];
    return [
      {
        id: `snapready:${vs.metadata.uid ?? ''}`,
        after: PROVISION_AFTER,
        run: async () => {
          const now = new Date().toISOString();
          const bytes = String(parseQuantity(d.size) ?? 0);
          await w.rest.mergePatch(
            pathOf(R.volumeSnapshotContent, undefined, d.contentName, 'status'),
            {
              status: {
                readyToUse: true,
                creationTime: Date.now() * 1_000_000,
                restoreSize: Number(bytes),
                snapshotHandle: `snapshot-${vs.metadata.uid ?? ''}`,
              },
            },
          );
          await w.rest.mergePatch(pathOfObj(R.volumeSnapshot, vs, 'status'), {
            status: {
              boundVolumeSnapshotContentName: d.contentName,
              creationTime: now,
              readyToUse: true,
              restoreSize: d.size,
            },
          });
        },
      },
    ];
  });
  if (volumeSnapshots.available) {
    volumeSnapshots.on((vs) => snapshotRunner.enqueue(keyOf(vs)));
    pvcs.on((pvc) => {
      for (const vs of volumeSnapshots.list(pvc.metadata.namespace))
        if (vs.spec.source.persistentVolumeClaimName === pvc.metadata.name)
          snapshotRunner.enqueue(keyOf(vs));
    });
  }

  pvcs.on((pvc) => claimRunner.enqueue(keyOf(pvc)));
  pvs.on((pv, _old, deleted) => {
    if (!deleted) volumeRunner.enqueue(pv.metadata.name);
    const ref = pv.spec.claimRef;
    if (ref?.name && ref.namespace) claimRunner.enqueue(`${ref.namespace}/${ref.name}`);
  });
  storageClasses.on(() => {
    for (const pvc of pvcs.list())
      if (pvc.status?.phase !== 'Bound') claimRunner.enqueue(keyOf(pvc));
  });
}
