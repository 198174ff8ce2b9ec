// The one registry of Kubernetes resource models the dashboard reads and writes. Pure data, safe to
// import from client components: the browser uses it for labels, keys and columns; the server for
// paths. Each model is typed with the shape of its objects, so live lists come back typed.
import { isKeyShaped, type MessageKey } from '../i18n/messages';
import type {
  ClusterObject,
  InstancetypeObject,
  KamajiControlPlaneObject,
  MachineHealthCheckObject,
  MachineDeploymentObject,
  KubevirtMachineTemplateObject,
  MachineObject,
  MachineTemplateObject,
} from '../clusters/types';
import type {
  DataVolumeObject,
  MigrationObject,
  PreferenceObject,
  VmiObject,
  VmObject,
  VmRestoreObject,
  VmSnapshotObject,
} from '../vms/types';
import type {
  ConfigMapObject,
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
import type { IpPoolObject } from '../loadbalancers/types';
import type { FluxSourceObject, ReleaseObject } from '../releases/types';
import type { RoleBindingObject } from '../tenants/members';
import type {
  BareMetalHostObject,
  HardwareDataObject,
  NodeFeatureObject,
} from '../inventory/types';
import type { VolumeSnapshotClassObject, VolumeSnapshotObject } from '../volumes/build';
import type {
  FarTemplateObject,
  NhcObject,
  PdbObject,
  PodObject,
  RemediationObject,
} from '../nodes/types';

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

/** Catalog keys of a model's names: model.<plural> and model.<plural>.plural. */
function labelKeys(plural: string): { label: MessageKey; labelPlural: MessageKey } {
  const label = `model.${plural}`;
  const labelPlural = `model.${plural}.plural`;
  // That the catalogs hold both: models.test.ts.
  if (!isKeyShaped(label) || !isKeyShaped(labelPlural))
    throw new Error(`not a catalog key: ${label} / ${labelPlural}`);
  return { label, labelPlural };
}

/** A model from its apiVersion, kind and plural; namespaced unless `cluster`. */
const phase: DisplayColumn = { id: 'phase', header: 'column.phase', path: 'status.phase' };
const node: DisplayColumn = { id: 'node', header: 'column.node', path: 'status.nodeName' };

function model<T extends KubeObject>(
  apiVersion: string,
  kind: string,
  plural: string,
  opts: { cluster?: boolean; columns?: DisplayColumn[] } = {},
): ResourceModel<T> {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return {
    id: plural,
    group: group ?? '',
    version: version ?? apiVersion,
    kind,
    plural,
    namespaced: !opts.cluster,
    ...labelKeys(plural),
    columns: [...(opts.columns ?? []), age],
  };
}

export const models = {
  namespaces: model<NamespaceObject>('v1', 'Namespace', 'namespaces', {
    cluster: true,
    columns: [{ id: 'phase', header: 'common.status', path: 'status.phase' }],
  }),
  nodes: model<NodeObject>('v1', 'Node', 'nodes', {
    cluster: true,
    columns: [{ id: 'kubelet', header: 'column.version', path: 'status.nodeInfo.kubeletVersion' }],
  }),
  events: model<EventObject>('v1', 'Event', 'events', {
    columns: [
      { id: 'reason', header: 'column.reason', path: 'reason' },
      { id: 'message', header: 'column.message', path: 'message' },
    ],
  }),
  resourcequotas: model<ResourceQuotaObject>('v1', 'ResourceQuota', 'resourcequotas'),
  secrets: model<SecretObject>('v1', 'Secret', 'secrets'),
  configmaps: model<ConfigMapObject>('v1', 'ConfigMap', 'configmaps'),
  services: model<ServiceObject>('v1', 'Service', 'services', {
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
  persistentvolumeclaims: model<PersistentVolumeClaimObject>(
    'v1',
    'PersistentVolumeClaim',
    'persistentvolumeclaims',
    {
      columns: [
        { id: 'phase', header: 'common.status', path: 'status.phase' },
        { id: 'size', header: 'column.size', path: 'spec.resources.requests.storage' },
        { id: 'class', header: 'column.storageClass', path: 'spec.storageClassName' },
        { id: 'mode', header: 'column.volumeMode', path: 'spec.volumeMode' },
      ],
    },
  ),
  persistentvolumes: model<PersistentVolumeObject>('v1', 'PersistentVolume', 'persistentvolumes', {
    cluster: true,
  }),
  storageclasses: model<StorageClassObject>('storage.k8s.io/v1', 'StorageClass', 'storageclasses', {
    cluster: true,
    columns: [{ id: 'provisioner', header: 'column.provisioner', path: 'provisioner' }],
  }),
  clusters: model<ClusterObject>('cluster.x-k8s.io/v1beta2', 'Cluster', 'clusters', {
    columns: [phase],
  }),
  machinedeployments: model<MachineDeploymentObject>(
    'cluster.x-k8s.io/v1beta2',
    'MachineDeployment',
    'machinedeployments',
  ),
  machinehealthchecks: model<MachineHealthCheckObject>(
    'cluster.x-k8s.io/v1beta2',
    'MachineHealthCheck',
    'machinehealthchecks',
  ),
  datastores: model<KubeObject>('kamaji.clastix.io/v1alpha1', 'DataStore', 'datastores', {
    cluster: true,
  }),
  machines: model<MachineObject>('cluster.x-k8s.io/v1beta2', 'Machine', 'machines', {
    columns: [phase],
  }),
  kamajicontrolplanes: model<KamajiControlPlaneObject>(
    'controlplane.cluster.x-k8s.io/v1alpha2',
    'KamajiControlPlane',
    'kamajicontrolplanes',
  ),
  kubevirtclusters: model<KubeObject>(
    'infrastructure.cluster.x-k8s.io/v1alpha1',
    'KubevirtCluster',
    'kubevirtclusters',
  ),
  kubevirtmachinetemplates: model<KubevirtMachineTemplateObject>(
    'infrastructure.cluster.x-k8s.io/v1alpha1',
    'KubevirtMachineTemplate',
    'kubevirtmachinetemplates',
  ),
  kubeadmconfigtemplates: model<MachineTemplateObject>(
    'bootstrap.cluster.x-k8s.io/v1beta2',
    'KubeadmConfigTemplate',
    'kubeadmconfigtemplates',
  ),
  virtualmachines: model<VmObject>('kubevirt.io/v1', 'VirtualMachine', 'virtualmachines', {
    columns: [
      { id: 'status', header: 'common.status', path: 'status.printableStatus' },
      { id: 'cpu', header: 'column.cpu', path: 'spec.template.spec.domain.cpu.cores' },
      { id: 'memory', header: 'column.memory', path: 'spec.template.spec.domain.memory.guest' },
      { id: 'run', header: 'column.runStrategy', path: 'spec.runStrategy' },
    ],
  }),
  virtualmachineinstances: model<VmiObject>(
    'kubevirt.io/v1',
    'VirtualMachineInstance',
    'virtualmachineinstances',
    {
      columns: [phase, node],
    },
  ),
  datavolumes: model<DataVolumeObject>('cdi.kubevirt.io/v1beta1', 'DataVolume', 'datavolumes', {
    columns: [phase, { id: 'progress', header: 'column.progress', path: 'status.progress' }],
  }),
  virtualmachineinstancemigrations: model<MigrationObject>(
    'kubevirt.io/v1',
    'VirtualMachineInstanceMigration',
    'virtualmachineinstancemigrations',
    { columns: [phase] },
  ),
  virtualmachinesnapshots: model<VmSnapshotObject>(
    'snapshot.kubevirt.io/v1beta1',
    'VirtualMachineSnapshot',
    'virtualmachinesnapshots',
    { columns: [phase] },
  ),
  virtualmachinerestores: model<VmRestoreObject>(
    'snapshot.kubevirt.io/v1beta1',
    'VirtualMachineRestore',
    'virtualmachinerestores',
  ),
  datasources: model<KubeObject>('cdi.kubevirt.io/v1beta1', 'DataSource', 'datasources'),
  virtualmachineclusterpreferences: model<PreferenceObject>(
    'instancetype.kubevirt.io/v1beta1',
    'VirtualMachineClusterPreference',
    'virtualmachineclusterpreferences',
    { cluster: true },
  ),
  virtualmachineclusterinstancetypes: model<InstancetypeObject>(
    'instancetype.kubevirt.io/v1beta1',
    'VirtualMachineClusterInstancetype',
    'virtualmachineclusterinstancetypes',
    { cluster: true },
  ),
  ipaddresspools: model<IpPoolObject>('metallb.io/v1beta1', 'IPAddressPool', 'ipaddresspools'),
  l2advertisements: model<KubeObject>('metallb.io/v1beta1', 'L2Advertisement', 'l2advertisements'),
  helmreleases: model<ReleaseObject>('helm.toolkit.fluxcd.io/v2', 'HelmRelease', 'helmreleases'),
  helmrepositories: model<FluxSourceObject>(
    'source.toolkit.fluxcd.io/v1',
    'HelmRepository',
    'helmrepositories',
  ),
  ocirepositories: model<FluxSourceObject>(
    'source.toolkit.fluxcd.io/v1',
    'OCIRepository',
    'ocirepositories',
  ),
  nodehealthchecks: model<NhcObject>(
    'remediation.medik8s.io/v1alpha1',
    'NodeHealthCheck',
    'nodehealthchecks',
    { cluster: true, columns: [phase] },
  ),
  fenceagentsremediations: model<RemediationObject>(
    'fence-agents-remediation.medik8s.io/v1alpha1',
    'FenceAgentsRemediation',
    'fenceagentsremediations',
  ),
  selfnoderemediations: model<RemediationObject>(
    'self-node-remediation.medik8s.io/v1alpha1',
    'SelfNodeRemediation',
    'selfnoderemediations',
  ),
  baremetalhosts: model<BareMetalHostObject>(
    'metal3.io/v1alpha1',
    'BareMetalHost',
    'baremetalhosts',
    {
      columns: [{ id: 'state', header: 'column.state', path: 'status.provisioning.state' }],
    },
  ),
  nodefeatures: model<NodeFeatureObject>('nfd.k8s-sigs.io/v1alpha1', 'NodeFeature', 'nodefeatures'),
  linstorsatellites: model<KubeObject>('piraeus.io/v1', 'LinstorSatellite', 'linstorsatellites', {
    cluster: true,
  }),
  volumesnapshots: model<VolumeSnapshotObject>(
    'snapshot.storage.k8s.io/v1',
    'VolumeSnapshot',
    'volumesnapshots',
  ),
  // Operator console: release sources and hardware inventory.
  gitrepositories: model<FluxSourceObject>(
    'source.toolkit.fluxcd.io/v1',
    'GitRepository',
    'gitrepositories',
  ),
  hardwaredata: model<HardwareDataObject>('metal3.io/v1alpha1', 'HardwareData', 'hardwaredata'),
  rolebindings: model<RoleBindingObject>(
    'rbac.authorization.k8s.io/v1',
    'RoleBinding',
    'rolebindings',
  ),
  // Volumes (lib/volumes): the snapshot classes a volume's snapshots are cut with.
  volumesnapshotclasses: model<VolumeSnapshotClassObject>(
    'snapshot.storage.k8s.io/v1',
    'VolumeSnapshotClass',
    'volumesnapshotclasses',
    { cluster: true },
  ),
  // Nodes and fencing (lib/nodes): what a drain evicts and respects, the template a manual fence uses.
  pods: model<PodObject>('v1', 'Pod', 'pods', { columns: [phase] }),
  poddisruptionbudgets: model<PdbObject>(
    'policy/v1',
    'PodDisruptionBudget',
    'poddisruptionbudgets',
  ),
  fenceagentsremediationtemplates: model<FarTemplateObject>(
    'fence-agents-remediation.medik8s.io/v1alpha1',
    'FenceAgentsRemediationTemplate',
    'fenceagentsremediationtemplates',
  ),
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
