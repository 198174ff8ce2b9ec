// Object shapes and resource descriptors for the dev-only seed and simulator. Only the fields they
// read are typed; everything else passes through untouched.

export interface OwnerRef {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface Meta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerRef[];
  finalizers?: string[];
}

export interface KObj {
  apiVersion?: string;
  kind?: string;
  metadata: Meta;
  [key: string]: unknown;
}

export interface KList<T extends KObj = KObj> {
  metadata: { resourceVersion?: string; continue?: string };
  items: T[];
}

export interface WatchEvent<T extends KObj = KObj> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: T;
}

/** metav1.Condition (CAPI v1beta2, Flux, medik8s …). */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  lastTransitionTime: string;
  observedGeneration?: number;
}

export interface Resource {
  group: string;
  version: string;
  plural: string;
  kind: string;
  namespaced: boolean;
}

const r = (
  group: string,
  version: string,
  plural: string,
  kind: string,
  namespaced = true,
): Resource => ({
  group,
  version,
  plural,
  kind,
  namespaced,
});

export const R = {
  namespace: r('', 'v1', 'namespaces', 'Namespace', false),
  node: r('', 'v1', 'nodes', 'Node', false),
  event: r('', 'v1', 'events', 'Event'),
  secret: r('', 'v1', 'secrets', 'Secret'),
  service: r('', 'v1', 'services', 'Service'),
  pvc: r('', 'v1', 'persistentvolumeclaims', 'PersistentVolumeClaim'),
  pv: r('', 'v1', 'persistentvolumes', 'PersistentVolume', false),
  storageClass: r('storage.k8s.io', 'v1', 'storageclasses', 'StorageClass', false),
  cluster: r('cluster.x-k8s.io', 'v1beta2', 'clusters', 'Cluster'),
  machineDeployment: r('cluster.x-k8s.io', 'v1beta2', 'machinedeployments', 'MachineDeployment'),
  machine: r('cluster.x-k8s.io', 'v1beta2', 'machines', 'Machine'),
  machineHealthCheck: r('cluster.x-k8s.io', 'v1beta2', 'machinehealthchecks', 'MachineHealthCheck'),
  kamajiControlPlane: r(
    'controlplane.cluster.x-k8s.io',
    'v1alpha2',
    'kamajicontrolplanes',
    'KamajiControlPlane',
  ),
  tenantControlPlane: r(
    'kamaji.clastix.io',
    'v1alpha1',
    'tenantcontrolplanes',
    'TenantControlPlane',
  ),
  kubevirtCluster: r(
    'infrastructure.cluster.x-k8s.io',
    'v1alpha1',
    'kubevirtclusters',
    'KubevirtCluster',
  ),
  virtualMachine: r('kubevirt.io', 'v1', 'virtualmachines', 'VirtualMachine'),
  virtualMachineInstance: r(
    'kubevirt.io',
    'v1',
    'virtualmachineinstances',
    'VirtualMachineInstance',
  ),
  clusterInstancetype: r(
    'instancetype.kubevirt.io',
    'v1beta1',
    'virtualmachineclusterinstancetypes',
    'VirtualMachineClusterInstancetype',
    false,
  ),
  dataVolume: r('cdi.kubevirt.io', 'v1beta1', 'datavolumes', 'DataVolume'),
  virtualMachineInstanceMigration: r(
    'kubevirt.io',
    'v1',
    'virtualmachineinstancemigrations',
    'VirtualMachineInstanceMigration',
  ),
  vmSnapshot: r(
    'snapshot.kubevirt.io',
    'v1beta1',
    'virtualmachinesnapshots',
    'VirtualMachineSnapshot',
  ),
  vmSnapshotContent: r(
    'snapshot.kubevirt.io',
    'v1beta1',
    'virtualmachinesnapshotcontents',
    'VirtualMachineSnapshotContent',
  ),
  vmRestore: r(
    'snapshot.kubevirt.io',
    'v1beta1',
    'virtualmachinerestores',
    'VirtualMachineRestore',
  ),
  volumeSnapshot: r('snapshot.storage.k8s.io', 'v1', 'volumesnapshots', 'VolumeSnapshot'),
  bareMetalHost: r('metal3.io', 'v1alpha1', 'baremetalhosts', 'BareMetalHost'),
  volumeSnapshotContent: r(
    'snapshot.storage.k8s.io',
    'v1',
    'volumesnapshotcontents',
    'VolumeSnapshotContent',
    false,
  ),
  volumeSnapshotClass: r(
    'snapshot.storage.k8s.io',
    'v1',
    'volumesnapshotclasses',
    'VolumeSnapshotClass',
    false,
  ),
  dataSource: r('cdi.kubevirt.io', 'v1beta1', 'datasources', 'DataSource'),
  ipAddressPool: r('metallb.io', 'v1beta1', 'ipaddresspools', 'IPAddressPool'),
  helmRelease: r('helm.toolkit.fluxcd.io', 'v2', 'helmreleases', 'HelmRelease'),
  helmRepository: r('source.toolkit.fluxcd.io', 'v1', 'helmrepositories', 'HelmRepository'),
  kubeadmConfigTemplate: r(
    'bootstrap.cluster.x-k8s.io',
    'v1beta2',
    'kubeadmconfigtemplates',
    'KubeadmConfigTemplate',
  ),
  dataStore: r('kamaji.clastix.io', 'v1alpha1', 'datastores', 'DataStore', false),
  fenceAgentsRemediation: r(
    'fence-agents-remediation.medik8s.io',
    'v1alpha1',
    'fenceagentsremediations',
    'FenceAgentsRemediation',
  ),
} as const;

export const apiVersionOf = (res: Resource): string =>
  res.group ? `${res.group}/${res.version}` : res.version;

/** REST path of a collection (no name) or an object; namespace ignored for cluster-scoped kinds. */
export function pathOf(res: Resource, namespace?: string, name?: string, sub?: string): string {
  const base = res.group ? `/apis/${res.group}/${res.version}` : `/api/${res.version}`;
  const ns = res.namespaced && namespace ? `/namespaces/${namespace}` : '';
  return `${base}${ns}/${res.plural}${name ? `/${name}` : ''}${sub ? `/${sub}` : ''}`;
}

export const pathOfObj = (res: Resource, obj: KObj, sub?: string): string =>
  pathOf(res, obj.metadata.namespace, obj.metadata.name, sub);

export const keyOf = (obj: { metadata: Meta }): string =>
  obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name;

export function ownerRef(res: Resource, owner: KObj, controller = true): OwnerRef {
  return {
    apiVersion: apiVersionOf(res),
    kind: res.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid ?? '',
    controller,
    blockOwnerDeletion: true,
  };
}

export const isControlledBy = (obj: KObj, owner: KObj): boolean =>
  (obj.metadata.ownerReferences ?? []).some((o) => o.controller && o.uid === owner.metadata.uid);
