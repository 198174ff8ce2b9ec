// The one registry of Kubernetes resource models the dashboard reads and writes. Pure data, safe to
// import from client components: the browser uses it for labels, keys and columns; the server for
// paths. Each model is typed with the shape of its objects, so live lists come back typed.
import type { MessageKey } from '../i18n/messages';
import type {
  ClusterObject,
  KamajiControlPlaneObject,
  MachineDeploymentObject,
  KubevirtMachineTemplateObject,
  MachineObject,
  MachineTemplateObject,
} from '../clusters/types';
import type {
  EventObject,
  NamespaceObject,
  NodeObject,
  PersistentVolumeClaimObject,
  PersistentVolumeObject,
  ResourceQuotaObject,
  SecretObject,
  ServiceObject,
  StorageClassObject,
} from './objects';
import type { KubeObject } from './types';

export interface DisplayColumn {
  id: string;
  header: MessageKey;
  /** Dotted path into the object, e.g. "status.phase" (array items by index: "a.0.b"). */
  path: string;
  format?: 'text' | 'age' | 'bool' | 'ports' | 'ingress';
}

export interface ResourceModel<T extends KubeObject = KubeObject> {
  id: string;
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  label: MessageKey;
  labelPlural: MessageKey;
  /** What generic lists and detail pages show, after the name. */
  columns: DisplayColumn[];
  /** Type marker only: the shape of this model's objects. Never set. */
  readonly object?: T;
}

const age: DisplayColumn = {
  id: 'age',
  header: 'common.age',
  path: 'metadata.creationTimestamp',
  format: 'age',
};

function model<T extends KubeObject>(
  m: Omit<ResourceModel<T>, 'columns' | 'object'> & { columns?: DisplayColumn[] },
): ResourceModel<T> {
  return { ...m, columns: [...(m.columns ?? []), age] };
}

export const models = {
  namespaces: model<NamespaceObject>({
    id: 'namespaces',
    group: '',
    version: 'v1',
    kind: 'Namespace',
    plural: 'namespaces',
    namespaced: false,
    label: 'model.namespaces',
    labelPlural: 'model.namespaces.plural',
    columns: [{ id: 'phase', header: 'common.status', path: 'status.phase' }],
  }),
  nodes: model<NodeObject>({
    id: 'nodes',
    group: '',
    version: 'v1',
    kind: 'Node',
    plural: 'nodes',
    namespaced: false,
    label: 'model.nodes',
    labelPlural: 'model.nodes.plural',
    columns: [{ id: 'kubelet', header: 'column.version', path: 'status.nodeInfo.kubeletVersion' }],
  }),
  events: model<EventObject>({
    id: 'events',
    group: '',
    version: 'v1',
    kind: 'Event',
    plural: 'events',
    namespaced: true,
    label: 'model.events',
    labelPlural: 'model.events.plural',
    columns: [
      { id: 'reason', header: 'column.reason', path: 'reason' },
      { id: 'message', header: 'column.message', path: 'message' },
    ],
  }),
  resourcequotas: model<ResourceQuotaObject>({
    id: 'resourcequotas',
    group: '',
    version: 'v1',
    kind: 'ResourceQuota',
    plural: 'resourcequotas',
    namespaced: true,
    label: 'model.resourcequotas',
    labelPlural: 'model.resourcequotas.plural',
  }),
  secrets: model<SecretObject>({
    id: 'secrets',
    group: '',
    version: 'v1',
    kind: 'Secret',
    plural: 'secrets',
    namespaced: true,
    label: 'model.secrets',
    labelPlural: 'model.secrets.plural',
  }),
  services: model<ServiceObject>({
    id: 'services',
    group: '',
    version: 'v1',
    kind: 'Service',
    plural: 'services',
    namespaced: true,
    label: 'model.services',
    labelPlural: 'model.services.plural',
    columns: [
      { id: 'type', header: 'column.type', path: 'spec.type' },
      {
        id: 'address',
        header: 'column.address',
        path: 'status.loadBalancer.ingress',
        format: 'ingress',
      },
      { id: 'ports', header: 'column.ports', path: 'spec.ports', format: 'ports' },
    ],
  }),
  persistentvolumeclaims: model<PersistentVolumeClaimObject>({
    id: 'persistentvolumeclaims',
    group: '',
    version: 'v1',
    kind: 'PersistentVolumeClaim',
    plural: 'persistentvolumeclaims',
    namespaced: true,
    label: 'model.persistentvolumeclaims',
    labelPlural: 'model.persistentvolumeclaims.plural',
    columns: [
      { id: 'phase', header: 'common.status', path: 'status.phase' },
      { id: 'size', header: 'column.size', path: 'spec.resources.requests.storage' },
      { id: 'class', header: 'column.storageClass', path: 'spec.storageClassName' },
      { id: 'mode', header: 'column.volumeMode', path: 'spec.volumeMode' },
    ],
  }),
  persistentvolumes: model<PersistentVolumeObject>({
    id: 'persistentvolumes',
    group: '',
    version: 'v1',
    kind: 'PersistentVolume',
    plural: 'persistentvolumes',
    namespaced: false,
    label: 'model.persistentvolumes',
    labelPlural: 'model.persistentvolumes.plural',
  }),
  storageclasses: model<StorageClassObject>({
    id: 'storageclasses',
    group: 'storage.k8s.io',
    version: 'v1',
    kind: 'StorageClass',
    plural: 'storageclasses',
    namespaced: false,
    label: 'model.storageclasses',
    labelPlural: 'model.storageclasses.plural',
    columns: [{ id: 'provisioner', header: 'column.provisioner', path: 'provisioner' }],
  }),
  clusters: model<ClusterObject>({
    id: 'clusters',
    group: 'cluster.x-k8s.io',
    version: 'v1beta2',
    kind: 'Cluster',
    plural: 'clusters',
    namespaced: true,
    label: 'model.clusters',
    labelPlural: 'model.clusters.plural',
    columns: [{ id: 'phase', header: 'column.phase', path: 'status.phase' }],
  }),
  machinedeployments: model<MachineDeploymentObject>({
    id: 'machinedeployments',
    group: 'cluster.x-k8s.io',
    version: 'v1beta2',
    kind: 'MachineDeployment',
    plural: 'machinedeployments',
    namespaced: true,
    label: 'model.machinedeployments',
    labelPlural: 'model.machinedeployments.plural',
  }),
  machines: model<MachineObject>({
    id: 'machines',
    group: 'cluster.x-k8s.io',
    version: 'v1beta2',
    kind: 'Machine',
    plural: 'machines',
    namespaced: true,
    label: 'model.machines',
    labelPlural: 'model.machines.plural',
    columns: [{ id: 'phase', header: 'column.phase', path: 'status.phase' }],
  }),
  kamajicontrolplanes: model<KamajiControlPlaneObject>({
    id: 'kamajicontrolplanes',
    group: 'controlplane.cluster.x-k8s.io',
    version: 'v1alpha2',
    kind: 'KamajiControlPlane',
    plural: 'kamajicontrolplanes',
    namespaced: true,
    label: 'model.kamajicontrolplanes',
    labelPlural: 'model.kamajicontrolplanes.plural',
  }),
  kubevirtclusters: model<KubeObject>({
    id: 'kubevirtclusters',
    group: 'infrastructure.cluster.x-k8s.io',
    version: 'v1alpha1',
    kind: 'KubevirtCluster',
    plural: 'kubevirtclusters',
    namespaced: true,
    label: 'model.kubevirtclusters',
    labelPlural: 'model.kubevirtclusters.plural',
  }),
  kubevirtmachinetemplates: model<KubevirtMachineTemplateObject>({
    id: 'kubevirtmachinetemplates',
    group: 'infrastructure.cluster.x-k8s.io',
    version: 'v1alpha1',
    kind: 'KubevirtMachineTemplate',
    plural: 'kubevirtmachinetemplates',
    namespaced: true,
    label: 'model.kubevirtmachinetemplates',
    labelPlural: 'model.kubevirtmachinetemplates.plural',
  }),
  kubeadmconfigtemplates: model<MachineTemplateObject>({
    id: 'kubeadmconfigtemplates',
    group: 'bootstrap.cluster.x-k8s.io',
    version: 'v1beta2',
    kind: 'KubeadmConfigTemplate',
    plural: 'kubeadmconfigtemplates',
    namespaced: true,
    label: 'model.kubeadmconfigtemplates',
    labelPlural: 'model.kubeadmconfigtemplates.plural',
  }),
  virtualmachines: model<KubeObject>({
    id: 'virtualmachines',
    group: 'kubevirt.io',
    version: 'v1',
    kind: 'VirtualMachine',
    plural: 'virtualmachines',
    namespaced: true,
    label: 'model.virtualmachines',
    labelPlural: 'model.virtualmachines.plural',
    columns: [
      { id: 'status', header: 'common.status', path: 'status.printableStatus' },
      { id: 'cpu', header: 'column.cpu', path: 'spec.template.spec.domain.cpu.cores' },
      { id: 'memory', header: 'column.memory', path: 'spec.template.spec.domain.memory.guest' },
      { id: 'run', header: 'column.runStrategy', path: 'spec.runStrategy' },
    ],
  }),
  virtualmachineinstances: model<KubeObject>({
    id: 'virtualmachineinstances',
    group: 'kubevirt.io',
    version: 'v1',
    kind: 'VirtualMachineInstance',
    plural: 'virtualmachineinstances',
    namespaced: true,
    label: 'model.virtualmachineinstances',
    labelPlural: 'model.virtualmachineinstances.plural',
    columns: [
      { id: 'phase', header: 'column.phase', path: 'status.phase' },
      { id: 'node', header: 'column.node', path: 'status.nodeName' },
    ],
  }),
  datavolumes: model<KubeObject>({
    id: 'datavolumes',
    group: 'cdi.kubevirt.io',
    version: 'v1beta1',
    kind: 'DataVolume',
    plural: 'datavolumes',
    namespaced: true,
    label: 'model.datavolumes',
    labelPlural: 'model.datavolumes.plural',
    columns: [
      { id: 'phase', header: 'column.phase', path: 'status.phase' },
      { id: 'progress', header: 'column.progress', path: 'status.progress' },
    ],
  }),
  virtualmachineclusterinstancetypes: model<KubeObject>({
    id: 'virtualmachineclusterinstancetypes',
    group: 'instancetype.kubevirt.io',
    version: 'v1beta1',
    kind: 'VirtualMachineClusterInstancetype',
    plural: 'virtualmachineclusterinstancetypes',
    namespaced: false,
    label: 'model.virtualmachineclusterinstancetypes',
    labelPlural: 'model.virtualmachineclusterinstancetypes.plural',
  }),
  ipaddresspools: model<KubeObject>({
    id: 'ipaddresspools',
    group: 'metallb.io',
    version: 'v1beta1',
    kind: 'IPAddressPool',
    plural: 'ipaddresspools',
    namespaced: true,
    label: 'model.ipaddresspools',
    labelPlural: 'model.ipaddresspools.plural',
  }),
  l2advertisements: model<KubeObject>({
    id: 'l2advertisements',
    group: 'metallb.io',
    version: 'v1beta1',
    kind: 'L2Advertisement',
    plural: 'l2advertisements',
    namespaced: true,
    label: 'model.l2advertisements',
    labelPlural: 'model.l2advertisements.plural',
  }),
  helmreleases: model<KubeObject>({
    id: 'helmreleases',
    group: 'helm.toolkit.fluxcd.io',
    version: 'v2',
    kind: 'HelmRelease',
    plural: 'helmreleases',
    namespaced: true,
    label: 'model.helmreleases',
    labelPlural: 'model.helmreleases.plural',
  }),
  helmrepositories: model<KubeObject>({
    id: 'helmrepositories',
    group: 'source.toolkit.fluxcd.io',
    version: 'v1',
    kind: 'HelmRepository',
    plural: 'helmrepositories',
    namespaced: true,
    label: 'model.helmrepositories',
    labelPlural: 'model.helmrepositories.plural',
  }),
  nodehealthchecks: model<KubeObject>({
    id: 'nodehealthchecks',
    group: 'remediation.medik8s.io',
    version: 'v1alpha1',
    kind: 'NodeHealthCheck',
    plural: 'nodehealthchecks',
    namespaced: false,
    label: 'model.nodehealthchecks',
    labelPlural: 'model.nodehealthchecks.plural',
    columns: [{ id: 'phase', header: 'column.phase', path: 'status.phase' }],
  }),
  fenceagentsremediations: model<KubeObject>({
    id: 'fenceagentsremediations',
    group: 'fence-agents-remediation.medik8s.io',
    version: 'v1alpha1',
    kind: 'FenceAgentsRemediation',
    plural: 'fenceagentsremediations',
    namespaced: true,
    label: 'model.fenceagentsremediations',
    labelPlural: 'model.fenceagentsremediations.plural',
  }),
  selfnoderemediations: model<KubeObject>({
    id: 'selfnoderemediations',
    group: 'self-node-remediation.medik8s.io',
    version: 'v1alpha1',
    kind: 'SelfNodeRemediation',
    plural: 'selfnoderemediations',
    namespaced: true,
    label: 'model.selfnoderemediations',
    labelPlural: 'model.selfnoderemediations.plural',
  }),
  baremetalhosts: model<KubeObject>({
    id: 'baremetalhosts',
    group: 'metal3.io',
    version: 'v1alpha1',
    kind: 'BareMetalHost',
    plural: 'baremetalhosts',
    namespaced: true,
    label: 'model.baremetalhosts',
    labelPlural: 'model.baremetalhosts.plural',
    columns: [{ id: 'state', header: 'column.state', path: 'status.provisioning.state' }],
  }),
  nodefeatures: model<KubeObject>({
    id: 'nodefeatures',
    group: 'nfd.k8s-sigs.io',
    version: 'v1alpha1',
    kind: 'NodeFeature',
    plural: 'nodefeatures',
    namespaced: true,
    label: 'model.nodefeatures',
    labelPlural: 'model.nodefeatures.plural',
  }),
  linstorsatellites: model<KubeObject>({
    id: 'linstorsatellites',
    group: 'piraeus.io',
    version: 'v1',
    kind: 'LinstorSatellite',
    plural: 'linstorsatellites',
    namespaced: false,
    label: 'model.linstorsatellites',
    labelPlural: 'model.linstorsatellites.plural',
  }),
  volumesnapshots: model<KubeObject>({
    id: 'volumesnapshots',
    group: 'snapshot.storage.k8s.io',
    version: 'v1',
    kind: 'VolumeSnapshot',
    plural: 'volumesnapshots',
    namespaced: true,
    label: 'model.volumesnapshots',
    labelPlural: 'model.volumesnapshots.plural',
  }),
};

export type Models = typeof models;
export type ModelId = keyof Models;
/** The object type of a model id: ObjectOf<'clusters'> is ClusterObject. */
export type ObjectOf<Id extends ModelId> = NonNullable<Models[Id]['object']>;

export function isModelId(id: string): id is ModelId {
  return Object.hasOwn(models, id);
}

export function apiVersionOf(m: Pick<ResourceModel, 'group' | 'version'>): string {
  return m.group ? `${m.group}/${m.version}` : m.version;
}

const all: ResourceModel[] = Object.values(models);

/** The model of an object, by its kind and (when given) its apiVersion's group. */
export function modelOfKind(kind: string | undefined, apiVersion?: string): ResourceModel {
  const group =
    apiVersion === undefined ? undefined : apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  const m = all.find((x) => x.kind === kind && (group === undefined || x.group === group));
  if (!m) throw new Error(`no model for ${apiVersion ?? ''} ${kind ?? ''}`);
  return m;
}

/** The model a plural resource or kind names ("virtualmachines", "VirtualMachine"), if any. */
export function modelOfResource(name: string): ResourceModel | undefined {
  return all.find((m) => m.plural === name || m.kind === name);
}

/** REST path of a collection or a single object: /api/v1/namespaces/x/pods[/name]. */
export function resourcePath(m: ResourceModel, namespace?: string, name?: string): string {
  const root = m.group ? `/apis/${m.group}/${m.version}` : `/api/${m.version}`;
  const ns = m.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${root}${ns}/${m.plural}${name ? `/${encodeURIComponent(name)}` : ''}`;
}
