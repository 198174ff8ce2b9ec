// The objects a new VM is made of: the VirtualMachine (its disks as dataVolumeTemplates, so CDI
// imports them and they go when the VM goes) and, to reach it by SSH, a MetalLB Service. Pure: the
// form's YAML preview and the server build the same objects.
import type { KubeObject } from '../k8s/types';
import type { BootSource, PlatformConfig } from '../platform/config';
import { userData } from './cloud-init';
import type { CreateVmInput } from './schema';
import { sshKeyLines } from './ssh';
import type { DataVolumeTemplate, VmObject, VmVolume } from './types';
import { VM_LABEL, BOOT_SOURCE_ANNOTATION } from './labels';

export interface VmBuildContext {
  namespace: string;
  vms: PlatformConfig['virtualMachines'];
}

export const rootDiskName = (vm: string) => `${vm}-root`;
export const dataDiskName = (vm: string, disk: string) => `${vm}-${disk}`;
export const sshServiceName = (vm: string) => `${vm}-ssh`;

function diskSource(source: BootSource | undefined): DataVolumeTemplate['spec'] {
  if (!source) return { source: { blank: {} } };
  const s = source.source;
  if ('registry' in s) return { source: { registry: { url: s.registry } } };
  if ('http' in s) return { source: { http: { url: s.http } } };
  return {
    sourceRef: { kind: 'DataSource', name: s.dataSource.name, namespace: s.dataSource.namespace },
  };
}

function disk(
  name: string,
  sizeGi: number,
  storageClass: string,
  ctx: VmBuildContext,
  from: DataVolumeTemplate['spec'],
): DataVolumeTemplate {
  const annotations = ctx.vms.diskAnnotations;
  return {
    metadata: { name, ...(Object.keys(annotations).length ? { annotations } : {}) },
    spec: {
      ...from,
      storage: {
        accessModes: [ctx.vms.diskAccessMode],
        volumeMode: ctx.vms.diskVolumeMode,
        storageClassName: storageClass,
        resources: { requests: { storage: `${sizeGi}Gi` } },
      },
    },
  };
}

export function buildVm(
  input: CreateVmInput,
  ctx: VmBuildContext,
  source: BootSource | undefined,
): { vm: VmObject; service?: KubeObject } {
  const name = input.name;
  const labels = { [VM_LABEL]: name };
  const preference = input.preference || source?.preference || '';
  // With a preference, the OS decides the disk bus; without one virtio suits every modern guest.
  const bus = preference ? {} : { bus: 'virtio' };
  const dataDisks = input.dataDisks.map((d) => ({ ...d, object: dataDiskName(name, d.name) }));
  const boot = userData(input.cloudInit, sshKeyLines(input.sshKeys));
  const volumes: VmVolume[] = [
    { name: 'root', dataVolume: { name: rootDiskName(name) } },
    ...dataDisks.map((d) => ({ name: d.name, dataVolume: { name: d.object } })),
    ...(boot ? [{ name: 'cloudinit', cloudInitNoCloud: { userData: boot } }] : []),
  ];
  const vm: VmObject = {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: {
      name,
      namespace: ctx.namespace,
      labels: { ...labels, 'app.kubernetes.io/managed-by': 'stratus' },
      ...(source ? { annotations: { [BOOT_SOURCE_ANNOTATION]: source.id } } : {}),
    },
    spec: {
      runStrategy: input.start ? 'Always' : 'Halted',
      ...(input.instancetype
        ? {
            instancetype: { kind: 'VirtualMachineClusterInstancetype', name: input.instancetype },
          }
        : {}),
      ...(preference
        ? { preference: { kind: 'VirtualMachineClusterPreference', name: preference } }
        : {}),
      dataVolumeTemplates: [
        disk(rootDiskName(name), input.rootDiskGi, input.storageClass, ctx, diskSource(source)),
        ...dataDisks.map((d) =>
          disk(d.object, d.sizeGi, d.storageClass, ctx, { source: { blank: {} } }),
        ),
      ],
      template: {
        metadata: { labels },
        spec: {
          domain: {
            // An instancetype sets CPU and memory; KubeVirt refuses a VM that sets both.
            ...(input.instancetype
              ? {}
              : { cpu: { cores: input.cpu }, memory: { guest: `${input.memoryGi}Gi` } }),
            devices: {
              disks: [
                { name: 'root', disk: bus, bootOrder: 1 },
                ...dataDisks.map((d) => ({ name: d.name, disk: bus })),
                ...(boot ? [{ name: 'cloudinit', disk: bus }] : []),
              ],
              interfaces: [{ name: 'default', masquerade: {} }],
            },
          },
          networks: [{ name: 'default', pod: {} }],
          // Shared disks let a drain move the VM instead of shutting it down.
          ...(ctx.vms.diskAccessMode === 'ReadWriteMany'
            ? { evictionStrategy: 'LiveMigrate' }
            : {}),
          volumes,
        },
      },
    },
  };
  if (!input.exposeSsh) return { vm };
  const service: KubeObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: sshServiceName(name), namespace: ctx.namespace, labels },
    spec: {
      type: 'LoadBalancer',
      selector: labels,
      ports: [{ name: 'ssh', port: 22, targetPort: 22, protocol: 'TCP' }],
    },
  };
  return { vm, service };
}

/** Storage the VM's disks request, in GiB. */
export const requestedStorageGi = (input: CreateVmInput): number =>
  input.rootDiskGi + input.dataDisks.reduce((s, d) => s + d.sizeGi, 0);
