// The one registry of Kubernetes resource models the dashboard reads and writes. Pure data, safe to
// import from client components: the browser uses it for labels, keys and columns; the server for paths.

export interface DisplayColumn {
  id: string;
  header: string;
  /** Dotted path into the object, e.g. "status.phase". */
  path: string;
  format?: 'text' | 'age' | 'bool';
}

export interface ResourceModel {
  id: string;
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  label: string;
  labelPlural: string;
  columns: DisplayColumn[];
}

const age: DisplayColumn = {
  id: 'age',
  header: 'Age',
  path: 'metadata.creationTimestamp',
  format: 'age',
};

function model(
  m: Omit<ResourceModel, 'columns' | 'labelPlural'> & {
    columns?: DisplayColumn[];
    labelPlural?: string;
  },
) {
  return {
    labelPlural: `${m.label}s`,
    ...m,
    columns: [...(m.columns ?? []), age],
  } satisfies ResourceModel;
}

export const models = {
  namespaces: model({
    id: 'namespaces',
    group: '',
    version: 'v1',
    kind: 'Namespace',
    plural: 'namespaces',
    namespaced: false,
    label: 'Namespace',
    columns: [{ id: 'phase', header: 'Status', path: 'status.phase' }],
  }),
  nodes: model({
    id: 'nodes',
    group: '',
    version: 'v1',
    kind: 'Node',
    plural: 'nodes',
    namespaced: false,
    label: 'Node',
    columns: [{ id: 'kubelet', header: 'Version', path: 'status.nodeInfo.kubeletVersion' }],
  }),
  events: model({
    id: 'events',
    group: '',
    version: 'v1',
    kind: 'Event',
    plural: 'events',
    namespaced: true,
    label: 'Event',
    columns: [
      { id: 'reason', header: 'Reason', path: 'reason' },
      { id: 'message', header: 'Message', path: 'message' },
    ],
  }),
  resourcequotas: model({
    id: 'resourcequotas',
    group: '',
    version: 'v1',
    kind: 'ResourceQuota',
    plural: 'resourcequotas',
    namespaced: true,
    label: 'Resource quota',
  }),
  secrets: model({
    id: 'secrets',
    group: '',
    version: 'v1',
    kind: 'Secret',
    plural: 'secrets',
    namespaced: true,
    label: 'Secret',
  }),
  services: model({
    id: 'services',
    group: '',
    version: 'v1',
    kind: 'Service',
    plural: 'services',
    namespaced: true,
    label: 'Service',
    columns: [{ id: 'type', header: 'Type', path: 'spec.type' }],
  }),
  persistentvolumeclaims: model({
    id: 'persistentvolumeclaims',
    group: '',
    version: 'v1',
    kind: 'PersistentVolumeClaim',
    plural: 'persistentvolumeclaims',
    namespaced: true,
    label: 'Volume',
    columns: [
      { id: 'phase', header: 'Status', path: 'status.phase' },
      { id: 'class', header: 'Storage class', path: 'spec.storageClassName' },
    ],
  }),
  persistentvolumes: model({
    id: 'persistentvolumes',
    group: '',
    version: 'v1',
    kind: 'PersistentVolume',
    plural: 'persistentvolumes',
    namespaced: false,
    label: 'Persistent volume',
  }),
  storageclasses: model({
    id: 'storageclasses',
    group: 'storage.k8s.io',
    version: 'v1',
    kind: 'StorageClass',
    plural: 'storageclasses',
    namespaced: false,
    label: 'Storage class',
    labelPlural: 'Storage classes',
    columns: [{ id: 'provisioner', header: 'Provisioner', path: 'provisioner' }],
  }),
  clusters: model({
    id: 'clusters',
    group: 'cluster.x-k8s.io',
    version: 'v1beta2',
    kind: 'Cluster',
    plural: 'clusters',
    namespaced: true,
    label: 'Cluster',
    columns: [{ id: 'phase', header: 'Phase', path: 'status.phase' }],
  }),
  machinedeployments: model({
    id: 'machinedeployments',
    group: 'cluster.x-k8s.io',
    version: 'v1beta2',
    kind: 'MachineDeployment',
    plural: 'machinedeployments',
    namespaced: true,
    label: 'Node group',
  }),
  machines: model({
    id: 'machines',
    group: 'cluster.x-k8s.io',
    version: 'v1beta2',
    kind: 'Machine',
    plural: 'machines',
    namespaced: true,
    label: 'Machine',
    columns: [{ id: 'phase', header: 'Phase', path: 'status.phase' }],
  }),
  kamajicontrolplanes: model({
    id: 'kamajicontrolplanes',
    group: 'controlplane.cluster.x-k8s.io',
    version: 'v1alpha2',
    kind: 'KamajiControlPlane',
    plural: 'kamajicontrolplanes',
    namespaced: true,
    label: 'Control plane',
  }),
  kubevirtclusters: model({
    id: 'kubevirtclusters',
    group: 'infrastructure.cluster.x-k8s.io',
    version: 'v1alpha1',
    kind: 'KubevirtCluster',
    plural: 'kubevirtclusters',
    namespaced: true,
    label: 'KubeVirt cluster',
  }),
  kubevirtmachinetemplates: model({
    id: 'kubevirtmachinetemplates',
    group: 'infrastructure.cluster.x-k8s.io',
    version: 'v1alpha1',
    kind: 'KubevirtMachineTemplate',
    plural: 'kubevirtmachinetemplates',
    namespaced: true,
    label: 'KubeVirt machine template',
  }),
  kubeadmconfigtemplates: model({
    id: 'kubeadmconfigtemplates',
    group: 'bootstrap.cluster.x-k8s.io',
    version: 'v1beta2',
    kind: 'KubeadmConfigTemplate',
    plural: 'kubeadmconfigtemplates',
    namespaced: true,
    label: 'Kubeadm config template',
  }),
  virtualmachines: model({
    id: 'virtualmachines',
    group: 'kubevirt.io',
    version: 'v1',
    kind: 'VirtualMachine',
    plural: 'virtualmachines',
    namespaced: true,
    label: 'Virtual machine',
    columns: [{ id: 'status', header: 'Status', path: 'status.printableStatus' }],
  }),
  virtualmachineinstances: model({
    id: 'virtualmachineinstances',
    group: 'kubevirt.io',
    version: 'v1',
    kind: 'VirtualMachineInstance',
    plural: 'virtualmachineinstances',
    namespaced: true,
    label: 'VM instance',
    columns: [
      { id: 'phase', header: 'Phase', path: 'status.phase' },
      { id: 'node', header: 'Node', path: 'status.nodeName' },
    ],
  }),
  datavolumes: model({
    id: 'datavolumes',
    group: 'cdi.kubevirt.io',
    version: 'v1beta1',
    kind: 'DataVolume',
    plural: 'datavolumes',
    namespaced: true,
    label: 'Data volume',
    columns: [
      { id: 'phase', header: 'Phase', path: 'status.phase' },
      { id: 'progress', header: 'Progress', path: 'status.progress' },
    ],
  }),
  virtualmachineclusterinstancetypes: model({
    id: 'virtualmachineclusterinstancetypes',
    group: 'instancetype.kubevirt.io',
    version: 'v1beta1',
    kind: 'VirtualMachineClusterInstancetype',
    plural: 'virtualmachineclusterinstancetypes',
    namespaced: false,
    label: 'Instance type',
  }),
  ipaddresspools: model({
    id: 'ipaddresspools',
    group: 'metallb.io',
    version: 'v1beta1',
    kind: 'IPAddressPool',
    plural: 'ipaddresspools',
    namespaced: true,
    label: 'IP address pool',
  }),
  l2advertisements: model({
    id: 'l2advertisements',
    group: 'metallb.io',
    version: 'v1beta1',
    kind: 'L2Advertisement',
    plural: 'l2advertisements',
    namespaced: true,
    label: 'L2 advertisement',
  }),
  helmreleases: model({
    id: 'helmreleases',
    group: 'helm.toolkit.fluxcd.io',
    version: 'v2',
    kind: 'HelmRelease',
    plural: 'helmreleases',
    namespaced: true,
    label: 'Helm release',
  }),
  helmrepositories: model({
    id: 'helmrepositories',
    group: 'source.toolkit.fluxcd.io',
    version: 'v1',
    kind: 'HelmRepository',
    plural: 'helmrepositories',
    namespaced: true,
    label: 'Helm repository',
    labelPlural: 'Helm repositories',
  }),
  nodehealthchecks: model({
    id: 'nodehealthchecks',
    group: 'remediation.medik8s.io',
    version: 'v1alpha1',
    kind: 'NodeHealthCheck',
    plural: 'nodehealthchecks',
    namespaced: false,
    label: 'Node health check',
    columns: [{ id: 'phase', header: 'Phase', path: 'status.phase' }],
  }),
  fenceagentsremediations: model({
    id: 'fenceagentsremediations',
    group: 'fence-agents-remediation.medik8s.io',
    version: 'v1alpha1',
    kind: 'FenceAgentsRemediation',
    plural: 'fenceagentsremediations',
    namespaced: true,
    label: 'Fence agents remediation',
  }),
  selfnoderemediations: model({
    id: 'selfnoderemediations',
    group: 'self-node-remediation.medik8s.io',
    version: 'v1alpha1',
    kind: 'SelfNodeRemediation',
    plural: 'selfnoderemediations',
    namespaced: true,
    label: 'Self node remediation',
  }),
  baremetalhosts: model({
    id: 'baremetalhosts',
    group: 'metal3.io',
    version: 'v1alpha1',
    kind: 'BareMetalHost',
    plural: 'baremetalhosts',
    namespaced: true,
    label: 'Bare-metal host',
    columns: [{ id: 'state', header: 'State', path: 'status.provisioning.state' }],
  }),
  nodefeatures: model({
    id: 'nodefeatures',
    group: 'nfd.k8s-sigs.io',
    version: 'v1alpha1',
    kind: 'NodeFeature',
    plural: 'nodefeatures',
    namespaced: true,
    label: 'Node feature',
  }),
  linstorsatellites: model({
    id: 'linstorsatellites',
    group: 'piraeus.io',
    version: 'v1',
    kind: 'LinstorSatellite',
    plural: 'linstorsatellites',
    namespaced: false,
    label: 'LINSTOR satellite',
  }),
  volumesnapshots: model({
    id: 'volumesnapshots',
    group: 'snapshot.storage.k8s.io',
    version: 'v1',
    kind: 'VolumeSnapshot',
    plural: 'volumesnapshots',
    namespaced: true,
    label: 'Volume snapshot',
  }),
} as const satisfies Record<string, ResourceModel>;

export type ModelId = keyof typeof models;

export function isModelId(id: string): id is ModelId {
  return Object.hasOwn(models, id);
}

export function apiVersionOf(m: ResourceModel): string {
  return m.group ? `${m.group}/${m.version}` : m.version;
}

/** REST path of a collection or a single object: /api/v1/namespaces/x/pods[/name]. */
export function resourcePath(m: ResourceModel, namespace?: string, name?: string): string {
  const root = m.group ? `/apis/${m.group}/${m.version}` : `/api/${m.version}`;
  const ns = m.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${root}${ns}/${m.plural}${name ? `/${encodeURIComponent(name)}` : ''}`;
}
