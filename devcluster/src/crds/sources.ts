// Where the dev cluster's CRDs come from: upstream Go modules, pinned, read from the module cache.
// Editing this list changes the hash in prepare.ts, so the next start rebuilds the CRD folder.

export interface ModuleRef {
  module: string;
  version: string;
}

interface SourceBase extends ModuleRef {
  /** Short id for errors and the provenance annotation. */
  id: string;
  /** CRD names (metadata.name) this source must yield; catches files that moved upstream. */
  expect: string[];
  /** Why this version, when it is not the one first asked for. */
  note?: string;
}

/** Plain CRD YAML files. `*` matches within the file name only. */
export interface YamlSource extends SourceBase {
  type: 'yaml';
  files: string[];
}

/** Full CRD documents embedded as Go raw strings in a `map[string]string` literal (CDI). */
export interface GoStringCrdSource extends SourceBase {
  type: 'go-string-crds';
  file: string;
  /** Map keys to keep. */
  keys: string[];
}

export interface PrinterColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  jsonPath: string;
  description?: string;
  priority?: number;
}

export interface CrdVersionSpec {
  name: string;
  served: boolean;
  storage: boolean;
  deprecated?: boolean;
  deprecationWarning?: string;
}

/** One KubeVirt CRD as crds.go builds it; the schema comes from validations_generated.go. */
export interface KubevirtCrdSpec {
  group: string;
  kind: string;
  plural: string;
  /** Also the key into CRDsValidation. */
  singular: string;
  scope: 'Namespaced' | 'Cluster';
  shortNames: string[];
  categories?: string[];
  versions: CrdVersionSpec[];
  columns?: PrinterColumn[];
  statusSubresource: boolean;
  /** crds.go sets `Conversion: None` explicitly on some; the others get the server default. */
  conversionNone?: boolean;
}

/** KubeVirt commits no CRD YAML: we wrap the generated schemas the way virt-operator does. */
export interface KubevirtSource extends SourceBase {
  type: 'kubevirt';
  validationsFile: string;
  /** Read only to check that the hand-copied names below still match upstream. */
  crdsGoFile: string;
  crds: KubevirtCrdSpec[];
}

export type CrdSource = YamlSource | GoStringCrdSource | KubevirtSource;

const capiCore = [
  'clusterclasses',
  'clusters',
  'machinedeployments',
  'machinedrainrules',
  'machinehealthchecks',
  'machinepools',
  'machines',
  'machinesets',
].map((p) => `${p}.cluster.x-k8s.io`);

// virtv1.ApiSupportedVersions in kubevirt.io/api@v1.9.0 core/v1/register.go.
const kubevirtCoreVersions: CrdVersionSpec[] = [
  { name: 'v1', served: true, storage: true },
  {
    name: 'v1alpha3',
    served: true,
    storage: false,
    deprecated: true,
    deprecationWarning:
      'kubevirt.io/v1alpha3 is now deprecated and will be removed in a future release.',
  },
];
const instancetypeVersions: CrdVersionSpec[] = [{ name: 'v1beta1', served: true, storage: true }];
const age: PrinterColumn = { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' };

// Mirrors pkg/virt-operator/resource/generate/components/crds.go at v1.9.0, field for field.
const kubevirtCrds: KubevirtCrdSpec[] = [
  {
    group: 'kubevirt.io',
    kind: 'VirtualMachine',
    plural: 'virtualmachines',
    singular: 'virtualmachine',
    scope: 'Namespaced',
    shortNames: ['vm', 'vms'],
    categories: ['all'],
    versions: kubevirtCoreVersions,
    columns: [
      age,
      {
        name: 'Status',
        description: 'Human Readable Status',
        type: 'string',
        jsonPath: '.status.printableStatus',
      },
      { name: 'Ready', type: 'string', jsonPath: ".status.conditions[?(@.type=='Ready')].status" },
    ],
    statusSubresource: true,
  },
  {
    // Upstream gives the VMI no status subresource: status is written with the main resource.
    group: 'kubevirt.io',
    kind: 'VirtualMachineInstance',
    plural: 'virtualmachineinstances',
    singular: 'virtualmachineinstance',
    scope: 'Namespaced',
    shortNames: ['vmi', 'vmis'],
    categories: ['all'],
    versions: kubevirtCoreVersions,
    columns: [
      age,
      { name: 'Phase', type: 'string', jsonPath: '.status.phase' },
      { name: 'IP', type: 'string', jsonPath: '.status.interfaces[0].ipAddress' },
      { name: 'NodeName', type: 'string', jsonPath: '.status.nodeName' },
      { name: 'Ready', type: 'string', jsonPath: ".status.conditions[?(@.type=='Ready')].status" },
      {
        name: 'Live-Migratable',
        type: 'string',
        jsonPath: ".status.conditions[?(@.type=='LiveMigratable')].status",
        priority: 1,
      },
      {
        name: 'Paused',
        type: 'string',
        jsonPath: ".status.conditions[?(@.type=='Paused')].status",
        priority: 1,
      },
    ],
    statusSubresource: false,
  },
  {
    group: 'kubevirt.io',
    kind: 'VirtualMachineInstanceMigration',
    plural: 'virtualmachineinstancemigrations',
    singular: 'virtualmachineinstancemigration',
    scope: 'Namespaced',
    shortNames: ['vmim', 'vmims'],
    categories: ['all'],
    versions: kubevirtCoreVersions,
    columns: [
      {
        name: 'Phase',
        type: 'string',
        jsonPath: '.status.phase',
        description: 'The current phase of VM instance migration',
      },
      {
        name: 'VMI',
        type: 'string',
        jsonPath: '.spec.vmiName',
        description: 'The name of the VMI to perform the migration on',
      },
    ],
    statusSubresource: true,
  },
  {
    group: 'instancetype.kubevirt.io',
    kind: 'VirtualMachineInstancetype',
    plural: 'virtualmachineinstancetypes',
    singular: 'virtualmachineinstancetype',
    scope: 'Namespaced',
    shortNames: ['vminstancetype', 'vminstancetypes', 'vmf', 'vmfs'],
    categories: ['all'],
    versions: instancetypeVersions,
    statusSubresource: false,
    conversionNone: true,
  },
  {
    group: 'instancetype.kubevirt.io',
    kind: 'VirtualMachineClusterInstancetype',
    plural: 'virtualmachineclusterinstancetypes',
    singular: 'virtualmachineclusterinstancetype',
    scope: 'Cluster',
    shortNames: ['vmclusterinstancetype', 'vmclusterinstancetypes', 'vmcf', 'vmcfs'],
    versions: instancetypeVersions,
    statusSubresource: false,
    conversionNone: true,
  },
  {
    group: 'instancetype.kubevirt.io',
    kind: 'VirtualMachinePreference',
    plural: 'virtualmachinepreferences',
    singular: 'virtualmachinepreference',
    scope: 'Namespaced',
    shortNames: ['vmpref', 'vmprefs', 'vmp', 'vmps'],
    categories: ['all'],
    versions: instancetypeVersions,
    statusSubresource: false,
    conversionNone: true,
  },
  {
    group: 'instancetype.kubevirt.io',
    kind: 'VirtualMachineClusterPreference',
    plural: 'virtualmachineclusterpreferences',
    singular: 'virtualmachineclusterpreference',
    scope: 'Cluster',
    shortNames: ['vmcp', 'vmcps'],
    versions: instancetypeVersions,
    statusSubresource: false,
    conversionNone: true,
  },
];

// snapshotv1alpha1 and snapshotv1beta1 in kubevirt.io/api@v1.9.0 snapshot/: both served, v1beta1
// stored, the same schema on both (crds.go NewVirtualMachineSnapshotCrd and siblings).
const snapshotVersions: CrdVersionSpec[] = [
  { name: 'v1alpha1', served: true, storage: false },
  { name: 'v1beta1', served: true, storage: true },
];
const snapshotError: PrinterColumn = {
  name: 'Error',
  type: 'string',
  jsonPath: '.status.error.message',
};
const snapshotCrds: KubevirtCrdSpec[] = [
  {
    group: 'snapshot.kubevirt.io',
    kind: 'VirtualMachineSnapshot',
    plural: 'virtualmachinesnapshots',
    singular: 'virtualmachinesnapshot',
    scope: 'Namespaced',
    shortNames: ['vmsnapshot', 'vmsnapshots'],
    categories: ['all'],
    versions: snapshotVersions,
    columns: [
      { name: 'SourceKind', type: 'string', jsonPath: '.spec.source.kind' },
      { name: 'SourceName', type: 'string', jsonPath: '.spec.source.name' },
      { name: 'Phase', type: 'string', jsonPath: '.status.phase' },
      { name: 'ReadyToUse', type: 'boolean', jsonPath: '.status.readyToUse' },
      { name: 'CreationTime', type: 'date', jsonPath: '.status.creationTime' },
      snapshotError,
    ],
    statusSubresource: true,
    conversionNone: true,
  },
  {
    group: 'snapshot.kubevirt.io',
    kind: 'VirtualMachineSnapshotContent',
    plural: 'virtualmachinesnapshotcontents',
    singular: 'virtualmachinesnapshotcontent',
    scope: 'Namespaced',
    shortNames: ['vmsnapshotcontent', 'vmsnapshotcontents'],
    categories: ['all'],
    versions: snapshotVersions,
    columns: [
      { name: 'ReadyToUse', type: 'boolean', jsonPath: '.status.readyToUse' },
      { name: 'CreationTime', type: 'date', jsonPath: '.status.creationTime' },
      snapshotError,
    ],
    statusSubresource: true,
    conversionNone: true,
  },
  {
    group: 'snapshot.kubevirt.io',
    kind: 'VirtualMachineRestore',
    plural: 'virtualmachinerestores',
    singular: 'virtualmachinerestore',
    scope: 'Namespaced',
    shortNames: ['vmrestore', 'vmrestores'],
    categories: ['all'],
    versions: snapshotVersions,
    columns: [
      { name: 'TargetKind', type: 'string', jsonPath: '.spec.target.kind' },
      { name: 'TargetName', type: 'string', jsonPath: '.spec.target.name' },
      { name: 'Complete', type: 'boolean', jsonPath: '.status.complete' },
      { name: 'RestoreTime', type: 'date', jsonPath: '.status.restoreTime' },
    ],
    statusSubresource: true,
    conversionNone: true,
  },
];

export const sources: CrdSource[] = [
  {
    id: 'capi-core',
    type: 'yaml',
    module: 'sigs.k8s.io/cluster-api',
    version: 'v1.14.2',
    note: 'newest the proxy serves (v1.14.0 also resolves); core CRDs moved to core/ in v1.14',
    files: ['core/config/crd/bases/*.yaml'],
    expect: capiCore,
  },
  {
    id: 'capi-kubeadm-bootstrap',
    type: 'yaml',
    module: 'sigs.k8s.io/cluster-api',
    version: 'v1.14.2',
    files: ['bootstrap/kubeadm/config/crd/bases/*.yaml'],
    expect: [
      'kubeadmconfigs.bootstrap.cluster.x-k8s.io',
      'kubeadmconfigtemplates.bootstrap.cluster.x-k8s.io',
    ],
  },
  {
    id: 'kamaji',
    type: 'yaml',
    module: 'github.com/clastix/kamaji',
    version: 'v1.0.0',
    note:
      'fallback: the proxy refuses v1.0.1-0.20260330073609-e51909fae3f5 (403) and edge tags are ' +
      'not semver; v1.0.0 (2024-06) is the only version it serves. config/crd/bases, not the ' +
      'chart copy, which is older and carries a conversion webhook and cert-manager annotation',
    files: [
      'config/crd/bases/kamaji.clastix.io_tenantcontrolplanes.yaml',
      'config/crd/bases/kamaji.clastix.io_datastores.yaml',
    ],
    expect: ['tenantcontrolplanes.kamaji.clastix.io', 'datastores.kamaji.clastix.io'],
  },
  {
    id: 'kamaji-controlplane-provider',
    type: 'yaml',
    module: 'github.com/clastix/cluster-api-control-plane-provider-kamaji',
    version: 'v0.20.0',
    files: ['config/crd/bases/controlplane.cluster.x-k8s.io_kamajicontrolplane*.yaml'],
    expect: [
      'kamajicontrolplanes.controlplane.cluster.x-k8s.io',
      'kamajicontrolplanetemplates.controlplane.cluster.x-k8s.io',
    ],
  },
  {
    id: 'capk',
    type: 'yaml',
    module: 'sigs.k8s.io/cluster-api-provider-kubevirt',
    version: 'v0.11.2',
    files: ['config/crd/bases/infrastructure.cluster.x-k8s.io_kubevirt*.yaml'],
    expect: ['clusters', 'clustertemplates', 'machines', 'machinetemplates'].map(
      (p) => `kubevirt${p}.infrastructure.cluster.x-k8s.io`,
    ),
  },
  {
    id: 'kubevirt',
    type: 'kubevirt',
    module: 'kubevirt.io/kubevirt',
    version: 'v1.9.0',
    validationsFile: 'pkg/virt-operator/resource/generate/components/validations_generated.go',
    crdsGoFile: 'pkg/virt-operator/resource/generate/components/crds.go',
    crds: [...kubevirtCrds, ...snapshotCrds],
    expect: [...kubevirtCrds, ...snapshotCrds].map((c) => `${c.plural}.${c.group}`),
  },
  {
    id: 'cdi',
    type: 'go-string-crds',
    module: 'kubevirt.io/containerized-data-importer',
    version: 'v1.65.0',
    note: 'fallback: the proxy refuses v1.66.0 (403); v1.64.0 fails checksum lookup',
    file: 'pkg/operator/resources/crds_generated.go',
    keys: ['datavolume', 'datasource', 'dataimportcron', 'storageprofile'],
    expect: ['datavolumes', 'datasources', 'dataimportcrons', 'storageprofiles'].map(
      (p) => `${p}.cdi.kubevirt.io`,
    ),
  },
  {
    id: 'metallb',
    type: 'yaml',
    module: 'go.universe.tf/metallb',
    version: 'v0.16.1',
    files: ['config/crd/bases/metallb.io_*.yaml'],
    expect: [
      'bfdprofiles',
      'bgpadvertisements',
      'bgppeers',
      'communities',
      'configurationstates',
      'ipaddresspools',
      'l2advertisements',
      'servicebgpstatuses',
      'servicel2statuses',
    ].map((p) => `${p}.metallb.io`),
  },
  {
    id: 'flux-helm-controller',
    type: 'yaml',
    module: 'github.com/fluxcd/helm-controller',
    version: 'v1.6.3',
    files: ['config/crd/bases/helm.toolkit.fluxcd.io_helmreleases.yaml'],
    expect: ['helmreleases.helm.toolkit.fluxcd.io'],
  },
  {
    id: 'flux-source-controller',
    type: 'yaml',
    module: 'github.com/fluxcd/source-controller',
    version: 'v1.9.6',
    note:
      'newest patch of the line helm-controller v1.6.3 builds against (source-controller/api ' +
      'v1.9.0); v1.10.x is the next Flux minor',
    files: ['config/crd/bases/source.toolkit.fluxcd.io_*.yaml'],
    expect: ['helmrepositories', 'ocirepositories', 'gitrepositories', 'helmcharts'].map(
      (p) => `${p}.source.toolkit.fluxcd.io`,
    ),
  },
  {
    id: 'medik8s-nhc',
    type: 'yaml',
    module: 'github.com/medik8s/node-healthcheck-operator',
    version: 'v0.12.0',
    files: ['config/crd/bases/remediation.medik8s.io_nodehealthchecks.yaml'],
    expect: ['nodehealthchecks.remediation.medik8s.io'],
  },
  {
    id: 'metal3-bmo',
    type: 'yaml',
    module: 'github.com/metal3-io/baremetal-operator',
    version: 'v0.13.2',
    files: ['config/base/crds/bases/metal3.io_*.yaml'],
    expect: ['baremetalhosts.metal3.io', 'hardwaredata.metal3.io'],
  },
  {
    id: 'nfd',
    type: 'yaml',
    module: 'sigs.k8s.io/node-feature-discovery',
    version: 'v0.19.0',
    files: ['deployment/base/nfd-crds/nfd-api-crds.yaml'],
    expect: ['nodefeatures', 'nodefeaturerules', 'nodefeaturegroups'].map(
      (p) => `${p}.nfd.k8s-sigs.io`,
    ),
  },
  {
    id: 'external-snapshotter',
    type: 'yaml',
    // client/ is its own module, so the /v8 module zip leaves these files out.
    module: 'github.com/kubernetes-csi/external-snapshotter/client/v8',
    version: 'v8.7.0',
    files: ['config/crd/snapshot.storage.k8s.io_*.yaml'],
    expect: ['volumesnapshots', 'volumesnapshotclasses', 'volumesnapshotcontents'].map(
      (p) => `${p}.snapshot.storage.k8s.io`,
    ),
  },
];

/**
 * Asked for but not loadable: the module proxy answers 403 "not available" for every version
 * tried, and no other served module ships these CRDs. Kept here so the gap is visible.
 */
export const unavailable: Array<ModuleRef & { kinds: string[]; tried: string[] }> = [
  {
    module: 'github.com/piraeusdatastore/piraeus-operator/v2',
    version: 'v2.12.1',
    kinds: [
      'LinstorCluster',
      'LinstorSatellite',
      'LinstorSatelliteConfiguration',
      'LinstorNodeConnection',
    ],
    tried: ['@v/list', 'v2.12.1', 'v2.10.2', 'v2.6.0', 'v2.5.1'],
  },
  {
    module: 'github.com/medik8s/fence-agents-remediation',
    version: 'v0.6.1',
    kinds: ['FenceAgentsRemediation', 'FenceAgentsRemediationTemplate'],
    tried: ['@v/list', 'v0.6.1', 'v0.6.0', 'main'],
  },
  {
    module: 'github.com/medik8s/self-node-remediation',
    version: 'v0.13.0',
    kinds: ['SelfNodeRemediation', 'SelfNodeRemediationTemplate', 'SelfNodeRemediationConfig'],
    tried: ['@v/list', 'v0.13.0', 'v0.12.0', 'main'],
  },
];

/** Kinds the dashboard relies on; the unit test checks prepareCrds yields each one. */
export const requiredKinds: Array<{ group: string; kind: string }> = [
  ...['Cluster', 'MachineDeployment', 'Machine', 'MachineSet', 'MachineHealthCheck'].map(
    (kind) => ({
      group: 'cluster.x-k8s.io',
      kind,
    }),
  ),
  ...['KubeadmConfig', 'KubeadmConfigTemplate'].map((kind) => ({
    group: 'bootstrap.cluster.x-k8s.io',
    kind,
  })),
  { group: 'kamaji.clastix.io', kind: 'TenantControlPlane' },
  ...['KamajiControlPlane', 'KamajiControlPlaneTemplate'].map((kind) => ({
    group: 'controlplane.cluster.x-k8s.io',
    kind,
  })),
  ...[
    'KubevirtCluster',
    'KubevirtClusterTemplate',
    'KubevirtMachine',
    'KubevirtMachineTemplate',
  ].map((kind) => ({ group: 'infrastructure.cluster.x-k8s.io', kind })),
  ...[...kubevirtCrds, ...snapshotCrds].map((c) => ({ group: c.group, kind: c.kind })),
  ...['DataVolume', 'DataSource', 'StorageProfile'].map((kind) => ({
    group: 'cdi.kubevirt.io',
    kind,
  })),
  ...[
    'IPAddressPool',
    'L2Advertisement',
    'BGPAdvertisement',
    'BGPPeer',
    'BFDProfile',
    'Community',
    'ServiceL2Status',
    'ServiceBGPStatus',
    'ConfigurationState',
  ].map((kind) => ({ group: 'metallb.io', kind })),
  { group: 'helm.toolkit.fluxcd.io', kind: 'HelmRelease' },
  ...['HelmRepository', 'OCIRepository', 'GitRepository', 'HelmChart'].map((kind) => ({
    group: 'source.toolkit.fluxcd.io',
    kind,
  })),
  { group: 'remediation.medik8s.io', kind: 'NodeHealthCheck' },
  ...['BareMetalHost', 'HardwareData'].map((kind) => ({ group: 'metal3.io', kind })),
  ...['NodeFeature', 'NodeFeatureRule', 'NodeFeatureGroup'].map((kind) => ({
    group: 'nfd.k8s-sigs.io',
    kind,
  })),
  ...['VolumeSnapshot', 'VolumeSnapshotClass', 'VolumeSnapshotContent'].map((kind) => ({
    group: 'snapshot.storage.k8s.io',
    kind,
  })),
];
