// The boot-source catalog the operator maintains in namespace `stratus-images`. The dashboard
// reads it; nothing here is dashboard-specific beyond the stratus.dev/* keys.
//
// 1. Golden images: CDI DataSources (cdi.kubevirt.io/v1beta1), each pointing at a DataVolume/PVC
//    of the same name in stratus-images, imported from a registry container disk. A VM clones one
//    with `dataVolumeTemplates[].spec.sourceRef: {kind: DataSource, name, namespace: stratus-images}`.
//    On each DataSource:
//      labels:
//        stratus.dev/boot-source: "true"                         (list selector)
//        stratus.dev/os: <os>                                    (ubuntu|fedora|debian|centos)
//        instancetype.kubevirt.io/default-instancetype: <name>   (a VirtualMachineClusterInstancetype)
//        instancetype.kubevirt.io/default-preference: <name>     (a VirtualMachineClusterPreference)
//      annotations:
//        stratus.dev/display-name: "Ubuntu 24.04 LTS"
//        stratus.dev/min-disk-size: "4Gi"                        (smallest root disk that fits the image)
//    Readiness: status.conditions[type=Ready] (True, reason Ready) as CDI's datasource-controller sets it.
//
// The catalog tenants pick from is the platform file (deploy/platform/platform.yaml,
// virtualMachines.bootSources); its `dataSource` entries name these golden images. Cloning across
// namespaces needs CDI's `datavolumes/source` permission in stratus-images: deploy/rbac grants it.
import type { KObj } from '../simulator/kube/types.ts';
import type { SeedClient } from './client.ts';

export const IMAGES_NAMESPACE = 'stratus-images';

export interface BootSource {
  name: string;
  displayName: string;
  os: 'ubuntu' | 'fedora' | 'debian' | 'centos' | 'alpine';
  preference: string;
  instancetype: string;
  minDiskSize: string;
  kind: 'registry' | 'http';
  /** Registry image without a transport (kind registry). */
  image?: string;
  /** Download URL (kind http). */
  url?: string;
}

export const bootSources: BootSource[] = [
  {
    name: 'ubuntu-24.04',
    displayName: 'Ubuntu 24.04 LTS',
    os: 'ubuntu',
    preference: 'ubuntu',
    instancetype: 'u1.medium',
    minDiskSize: '4Gi',
    kind: 'registry',
    image: 'quay.io/containerdisks/ubuntu:24.04',
  },
  {
    name: 'fedora-42',
    displayName: 'Fedora 42',
    os: 'fedora',
    preference: 'fedora',
    instancetype: 'u1.medium',
    minDiskSize: '5Gi',
    kind: 'registry',
    image: 'quay.io/containerdisks/fedora:42',
  },
  {
    name: 'debian-12',
    displayName: 'Debian 12 (bookworm)',
    os: 'debian',
    preference: 'debian',
    instancetype: 'u1.small',
    minDiskSize: '3Gi',
    kind: 'registry',
    image: 'quay.io/containerdisks/debian:12',
  },
  {
    name: 'centos-stream-9',
    displayName: 'CentOS Stream 9',
    os: 'centos',
    preference: 'centos.stream9',
    instancetype: 'u1.medium',
    minDiskSize: '10Gi',
    kind: 'registry',
    image: 'quay.io/containerdisks/centos-stream:9',
  },
  {
    name: 'ubuntu-24.04-cloud',
    displayName: 'Ubuntu 24.04 LTS (cloud image)',
    os: 'ubuntu',
    preference: 'ubuntu',
    instancetype: 'u1.medium',
    minDiskSize: '4Gi',
    kind: 'http',
    url: 'https://cloud-images.ubuntu.com/noble/current/noble-server-cloudimg-amd64.img',
  },
  {
    name: 'fedora-42-cloud',
    displayName: 'Fedora 42 Cloud Base',
    os: 'fedora',
    preference: 'fedora',
    instancetype: 'u1.medium',
    minDiskSize: '5Gi',
    kind: 'http',
    url: 'https://download.fedoraproject.org/pub/fedora/linux/releases/42/Cloud/x86_64/images/Fedora-Cloud-Base-Generic-42-1.1.x86_64.qcow2',
  },
  {
    name: 'debian-12-cloud',
    displayName: 'Debian 12 generic cloud',
    os: 'debian',
    preference: 'debian',
    instancetype: 'u1.small',
    minDiskSize: '3Gi',
    kind: 'http',
    url: 'https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-genericcloud-amd64.qcow2',
  },
  {
    name: 'alpine-3.22',
    displayName: 'Alpine Linux 3.22',
    os: 'alpine',
    preference: 'alpine',
    instancetype: 'u1.small',
    minDiskSize: '1Gi',
    kind: 'http',
    url: 'https://dl-cdn.alpinelinux.org/alpine/v3.22/releases/cloud/nocloud_alpine-3.22.1-x86_64-bios-cloudinit-r0.qcow2',
  },
];

/** Golden images: the registry sources, imported once into stratus-images. */
export const goldenImages = bootSources.filter((s) => s.kind === 'registry');

/** DataSource and DataVolume names: DNS labels (no dots). */
export const goldenName = (s: BootSource): string => s.name.replace(/\./g, '');

export function imageCatalogObjects(): KObj[] {
  const ns = IMAGES_NAMESPACE;
  const objs: KObj[] = [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: ns,
        labels: { 'stratus.dev/system': 'true', 'kubernetes.io/metadata.name': ns },
      },
    },
  ];
  for (const s of goldenImages) {
    const name = goldenName(s);
    objs.push({
      apiVersion: 'cdi.kubevirt.io/v1beta1',
      kind: 'DataSource',
      metadata: {
        name,
        namespace: ns,
        labels: {
          'stratus.dev/boot-source': 'true',
          'stratus.dev/os': s.os,
          'instancetype.kubevirt.io/default-instancetype': s.instancetype,
          'instancetype.kubevirt.io/default-preference': s.preference,
        },
        annotations: {
          'stratus.dev/display-name': s.displayName,
          'stratus.dev/min-disk-size': s.minDiskSize,
        },
      },
      spec: { source: { pvc: { namespace: ns, name } } },
    });
  }
  return objs;
}

/** The golden images' DataVolumes: created once (an import is not re-applied on every start). */
export function goldenDataVolumes(): KObj[] {
  return goldenImages.map((s) => ({
    apiVersion: 'cdi.kubevirt.io/v1beta1',
    kind: 'DataVolume',
    metadata: {
      name: goldenName(s),
      namespace: IMAGES_NAMESPACE,
      labels: { 'stratus.dev/boot-source': 'true', 'stratus.dev/os': s.os },
      annotations: { 'cdi.kubevirt.io/storage.bind.immediate.requested': 'true' },
    },
    spec: {
      source: { registry: { url: `docker://${s.image ?? ''}` } },
      storage: {
        resources: { requests: { storage: s.minDiskSize } },
        storageClassName: 'replicated',
      },
    },
  }));
}

export async function seedImages(c: SeedClient): Promise<void> {
  await c.apply(imageCatalogObjects());
  await c.createMissing(goldenDataVolumes());
}
