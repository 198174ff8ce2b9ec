// Tenant workloads other than clusters: KubeVirt VMs (disks from dataVolumeTemplates), standalone
// CDI DataVolumes, PVCs on the LINSTOR classes, and MetalLB LoadBalancer Services.
import type { KObj } from '../simulator/kube/types.ts';

export const images = {
  ubuntu: 'docker://quay.io/containerdisks/ubuntu:24.04',
  fedora: 'docker://quay.io/containerdisks/fedora:42',
  debian: 'docker://quay.io/containerdisks/debian:12',
  centos: 'docker://quay.io/containerdisks/centos-stream:9',
  alpine:
    'https://dl-cdn.alpinelinux.org/alpine/v3.22/releases/cloud/nocloud_alpine-3.22.1-x86_64-bios-cloudinit-r0.qcow2',
} as const;

export interface VmSpec {
  name: string;
  namespace: string;
  instancetype: string;
  preference: string;
  image: string;
  rootSize: string;
  storageClass: string;
  runStrategy: 'Always' | 'Halted' | 'RerunOnFailure' | 'Manual' | 'Once';
  dataDisks?: { name: string; size: string; storageClass: string }[];
  sshKey?: string;
}

const source = (image: string) =>
  image.startsWith('docker://') ? { registry: { url: image } } : { http: { url: image } };

export function vmObject(v: VmSpec): KObj {
  const root = `${v.name}-root`;
  const disks = [
    { name: 'root', dv: root },
    ...(v.dataDisks ?? []).map((d) => ({ name: d.name, dv: `${v.name}-${d.name}` })),
  ];
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: {
      name: v.name,
      namespace: v.namespace,
      labels: { 'app.kubernetes.io/name': v.name, 'vm.kubevirt.io/name': v.name },
      annotations: {
        'kubevirt.io/latest-observed-api-version': 'v1',
        'kubevirt.io/storage-observed-api-version': 'v1',
      },
    },
    spec: {
      runStrategy: v.runStrategy,
      instancetype: { kind: 'VirtualMachineClusterInstancetype', name: v.instancetype },
      preference: { kind: 'VirtualMachineClusterPreference', name: v.preference },
      dataVolumeTemplates: [
        {
          metadata: { name: root },
          spec: {
            source: source(v.image),
            storage: {
              resources: { requests: { storage: v.rootSize } },
              storageClassName: v.storageClass,
            },
          },
        },
        ...(v.dataDisks ?? []).map((d) => ({
          metadata: { name: `${v.name}-${d.name}` },
          spec: {
            source: { blank: {} },
            storage: {
              resources: { requests: { storage: d.size } },
              storageClassName: d.storageClass,
            },
          },
        })),
      ],
      template: {
        metadata: { labels: { 'kubevirt.io/domain': v.name, 'app.kubernetes.io/name': v.name } },
        spec: {
          domain: {
            devices: {
              disks: disks.map((d) => ({ name: d.name, disk: { bus: 'virtio' } })),
              interfaces: [{ name: 'default', masquerade: {} }],
            },
          },
          networks: [{ name: 'default', pod: {} }],
          volumes: [
            ...disks.map((d) => ({ name: d.name, dataVolume: { name: d.dv } })),
            {
              name: 'cloudinit',
              cloudInitNoCloud: {
                userData: `#cloud-config\nhostname: ${v.name}\nssh_authorized_keys:\n  - ${v.sshKey ?? 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDemoOnlyKeyForTheStratusDevCloud demo@stratus'}\n`,
              },
            },
          ],
        },
      },
    },
  };
}

export function dataVolumeObject(
  name: string,
  namespace: string,
  image: string | undefined,
  size: string,
  storageClass: string,
): KObj {
  return {
    apiVersion: 'cdi.kubevirt.io/v1beta1',
    kind: 'DataVolume',
    metadata: {
      name,
      namespace,
      annotations: { 'cdi.kubevirt.io/storage.bind.immediate.requested': 'true' },
    },
    spec: {
      source: image ? source(image) : { blank: {} },
      storage: { resources: { requests: { storage: size } }, storageClassName: storageClass },
    },
  };
}

export function volumeObject(
  name: string,
  namespace: string,
  size: string,
  storageClass: string,
  mode: 'Filesystem' | 'Block' = 'Filesystem',
): KObj {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace },
    spec: {
      accessModes: ['ReadWriteOnce'],
      volumeMode: mode,
      resources: { requests: { storage: size } },
      storageClassName: storageClass,
    },
  };
}

export interface LoadBalancerSpec {
  name: string;
  namespace: string;
  pool: 'public' | 'private';
  ports: { name: string; port: number; targetPort?: number }[];
  /** A fixed address (metallb.io/loadBalancerIPs). */
  ip?: string;
  /** Pods (or VMs, via their labels) behind it. */
  selector: Record<string, string>;
}

export function loadBalancerObject(lb: LoadBalancerSpec): KObj {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: lb.name,
      namespace: lb.namespace,
      annotations: {
        'metallb.io/address-pool': lb.pool,
        ...(lb.ip ? { 'metallb.io/loadBalancerIPs': lb.ip } : {}),
      },
    },
    spec: {
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Local',
      selector: lb.selector,
      ports: lb.ports.map((p) => ({
        name: p.name,
        port: p.port,
        targetPort: p.targetPort ?? p.port,
        protocol: 'TCP',
      })),
    },
  };
}
