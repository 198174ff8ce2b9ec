// Adding or removing a data disk of an existing VM: the new VM spec, as a merge patch that carries
// the resourceVersion it was computed from (a concurrent change makes the API server refuse it). Pure.
import type { VmBuildContext } from './build';
import { dataDiskName } from './build';
import type { DataDiskInput } from './schema';
import type { VmObject } from './types';

export type DiskChangeProblem = 'nameTaken' | 'root' | 'unknown';

/** The spec with one more blank disk, or why not. */
export function withDisk(
  vm: VmObject,
  disk: DataDiskInput,
  ctx: VmBuildContext,
): { ok: true; patch: object } | { ok: false; problem: DiskChangeProblem } {
  const name = vm.metadata?.name ?? '';
  const spec = vm.spec?.template?.spec;
  const volumes = spec?.volumes ?? [];
  if (['root', 'cloudinit'].includes(disk.name) || volumes.some((v) => v.name === disk.name))
    return { ok: false, problem: 'nameTaken' };
  const dv = dataDiskName(name, disk.name);
  const bus = vm.spec?.preference ? {} : { bus: 'virtio' };
  const annotations = ctx.vms.diskAnnotations;
  return {
    ok: true,
    patch: {
      metadata: { resourceVersion: vm.metadata?.resourceVersion },
      spec: {
        dataVolumeTemplates: [
          ...(vm.spec?.dataVolumeTemplates ?? []),
          {
            metadata: { name: dv, ...(Object.keys(annotations).length ? { annotations } : {}) },
            spec: {
              source: { blank: {} },
              storage: {
                accessModes: [ctx.vms.diskAccessMode],
                volumeMode: ctx.vms.diskVolumeMode,
                storageClassName: disk.storageClass,
                resources: { requests: { storage: `${disk.sizeGi}Gi` } },
              },
            },
          },
        ],
        template: {
          spec: {
            domain: {
              devices: {
                disks: [...(spec?.domain.devices.disks ?? []), { name: disk.name, disk: bus }],
              },
            },
            volumes: [...volumes, { name: disk.name, dataVolume: { name: dv } }],
          },
        },
      },
    },
  };
}

/** The spec without one data disk (never the root disk), and the DataVolume that then goes. */
export function withoutDisk(
  vm: VmObject,
  volume: string,
): { ok: true; patch: object; dataVolume?: string } | { ok: false; problem: DiskChangeProblem } {
  if (volume === 'root') return { ok: false, problem: 'root' };
  const spec = vm.spec?.template?.spec;
  const gone = spec?.volumes?.find((v) => v.name === volume);
  if (!gone) return { ok: false, problem: 'unknown' };
  const dv = gone.dataVolume?.name;
  const owned = (vm.spec?.dataVolumeTemplates ?? []).some((t) => t.metadata.name === dv);
  return {
    ok: true,
    dataVolume: owned ? dv : undefined,
    patch: {
      metadata: { resourceVersion: vm.metadata?.resourceVersion },
      spec: {
        dataVolumeTemplates: (vm.spec?.dataVolumeTemplates ?? []).filter(
          (t) => t.metadata.name !== dv,
        ),
        template: {
          spec: {
            domain: {
              devices: {
                disks: (spec?.domain.devices.disks ?? []).filter((d) => d.name !== volume),
              },
            },
            volumes: (spec?.volumes ?? []).filter((v) => v.name !== volume),
          },
        },
      },
    },
  };
}
