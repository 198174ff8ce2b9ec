// What create forms offer: KubeVirt's common cluster instancetypes and preferences (a subset of
// what virt-operator deploys).
import type { KObj } from '../simulator/kube/types.ts';

const IT = 'instancetype.kubevirt.io/v1beta1';

const instancetypes: [name: string, cpu: number, memory: string, description: string][] = [
  ['u1.small', 1, '2Gi', 'U1 Universal, small'],
  ['u1.medium', 1, '4Gi', 'U1 Universal, medium'],
  ['u1.large', 2, '8Gi', 'U1 Universal, large'],
  ['u1.xlarge', 4, '16Gi', 'U1 Universal, xlarge'],
  ['u1.2xlarge', 8, '32Gi', 'U1 Universal, 2xlarge'],
  ['cx1.large', 2, '4Gi', 'CX1 Compute exclusive, dedicated CPUs'],
  ['cx1.xlarge', 4, '8Gi', 'CX1 Compute exclusive, dedicated CPUs'],
  ['m1.large', 2, '16Gi', 'M1 Memory intensive, hugepages'],
  ['m1.xlarge', 4, '32Gi', 'M1 Memory intensive, hugepages'],
];

const preferences: [name: string, displayName: string, bus: string][] = [
  ['ubuntu', 'Ubuntu', 'virtio'],
  ['fedora', 'Fedora (amd64)', 'virtio'],
  ['debian', 'Debian', 'virtio'],
  ['centos.stream9', 'CentOS Stream 9', 'virtio'],
  ['alpine', 'Alpine', 'virtio'],
  ['windows.11', 'Microsoft Windows 11', 'sata'],
];

export function catalogObjects(): KObj[] {
  return [
    ...instancetypes.map<KObj>(([name, guest, memory, description]) => ({
      apiVersion: IT,
      kind: 'VirtualMachineClusterInstancetype',
      metadata: {
        name,
        labels: {
          'instancetype.kubevirt.io/vendor': 'kubevirt.io',
          'instancetype.kubevirt.io/common-instancetypes-version': 'v1.4.0',
        },
        annotations: {
          'instancetype.kubevirt.io/description': description,
          'instancetype.kubevirt.io/displayName': name,
        },
      },
      spec: {
        cpu: { guest, ...(name.startsWith('cx1') ? { dedicatedCPUPlacement: true } : {}) },
        memory: {
          guest: memory,
          ...(name.startsWith('m1') ? { hugepages: { pageSize: '2Mi' } } : {}),
        },
      },
    })),
    ...preferences.map<KObj>(([name, displayName, bus]) => ({
      apiVersion: IT,
      kind: 'VirtualMachineClusterPreference',
      metadata: {
        name,
        labels: {
          'instancetype.kubevirt.io/vendor': 'kubevirt.io',
          'instancetype.kubevirt.io/os-type': name.startsWith('windows') ? 'windows' : 'linux',
        },
        annotations: { 'openshift.io/display-name': displayName },
      },
      spec: {
        devices: {
          preferredDiskBus: bus,
          preferredInterfaceModel: bus === 'sata' ? 'e1000e' : 'virtio',
        },
      },
    })),
  ];
}
