// The parts of each kind the simulator reads or writes. Objects come from the API server, so these
// are views, not validation: unknown fields pass through.
import type { Condition, KObj } from './kube/types.ts';

export interface LocalRef {
  apiGroup: string;
  kind: string;
  name: string;
}

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

export interface NodeCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
}

export interface NodeObj extends KObj {
  spec?: { unschedulable?: boolean; taints?: Taint[] };
  status?: { conditions?: NodeCondition[] };
}

export interface ServicePort {
  name?: string;
  port: number;
  protocol?: string;
  targetPort?: number | string;
}

export interface ServiceObj extends KObj {
  spec?: {
    type?: string;
    loadBalancerClass?: string;
    loadBalancerIP?: string;
    ipFamilies?: string[];
    ports?: ServicePort[];
  };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string; ipMode?: string }[] } };
}

export interface Resources {
  requests?: Record<string, string>;
  limits?: Record<string, string>;
}

export interface PvcSpec {
  dataSource?: { apiGroup?: string; kind: string; name: string };
  accessModes?: string[];
  resources?: Resources;
  storageClassName?: string;
  volumeMode?: string;
  volumeName?: string;
}

export interface PvcObj extends KObj {
  spec: PvcSpec;
  status?: { phase?: string; capacity?: Record<string, string>; accessModes?: string[] };
}

export interface PvObj extends KObj {
  spec: {
    capacity?: Record<string, string>;
    claimRef?: { name?: string; namespace?: string; uid?: string };
    persistentVolumeReclaimPolicy?: string;
    storageClassName?: string;
    csi?: { driver: string; volumeHandle: string };
  };
  status?: { phase?: string };
}

export interface StorageClassObj extends KObj {
  provisioner: string;
  reclaimPolicy?: string;
  allowVolumeExpansion?: boolean;
  volumeBindingMode?: string;
  parameters?: Record<string, string>;
}

export interface SecretObj extends KObj {
  type?: string;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

export interface Endpoint {
  host?: string;
  port?: number;
}

export interface ReplicaSummary {
  desiredReplicas?: number;
  replicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  upToDateReplicas?: number;
}

export interface ClusterObj extends KObj {
  spec?: {
    paused?: boolean;
    controlPlaneEndpoint?: Endpoint;
    controlPlaneRef?: LocalRef;
    infrastructureRef?: LocalRef;
    topology?: { version?: string };
  };
  status?: {
    phase?: string;
    conditions?: Condition[];
    initialization?: { infrastructureProvisioned?: boolean; controlPlaneInitialized?: boolean };
    controlPlane?: ReplicaSummary;
    workers?: ReplicaSummary;
    observedGeneration?: number;
  };
}

export interface KcpObj extends KObj {
  spec: {
    version: string;
    replicas?: number;
    controlPlaneEndpoint?: Endpoint;
    dataStoreName?: string;
  };
  status?: {
    ready?: boolean;
    version?: string;
    externalManagedControlPlane?: boolean;
    initialization?: { controlPlaneInitialized?: boolean };
    replicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    upToDateReplicas?: number;
    selector?: string;
    conditions?: Condition[];
  };
}

export interface TcpObj extends KObj {
  status?: {
    kubernetesResources?: { version?: { status?: string; version?: string } };
    controlPlaneEndpoint?: string;
  };
}

/** CAPK v0.11 still uses v1beta1-style conditions (severity, optional reason). */
export interface KvcObj extends KObj {
  spec?: { controlPlaneEndpoint?: Endpoint };
  status?: { ready?: boolean; conditions?: { type: string; status: string }[] };
}

export interface MachineTemplateSpec {
  clusterName: string;
  version?: string;
  bootstrap: { configRef?: LocalRef; dataSecretName?: string };
  infrastructureRef: LocalRef;
}

export interface MachineDeploymentObj extends KObj {
  spec: {
    clusterName: string;
    replicas?: number;
    paused?: boolean;
    selector: { matchLabels?: Record<string, string> };
    template: { metadata?: { labels?: Record<string, string> }; spec: MachineTemplateSpec };
  };
  status?: {
    phase?: string;
    replicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    upToDateReplicas?: number;
    selector?: string;
    observedGeneration?: number;
    conditions?: Condition[];
  };
}

export interface MachineObj extends KObj {
  spec: MachineTemplateSpec;
  status?: {
    phase?: string;
    nodeRef?: { name: string };
    conditions?: Condition[];
    addresses?: { type: string; address: string }[];
  };
}

export interface DataVolumeSource {
  http?: { url: string };
  registry?: { url?: string };
  s3?: { url: string };
  gcs?: { url: string };
  pvc?: { namespace: string; name: string };
  snapshot?: { namespace: string; name: string };
  blank?: Record<string, never>;
  upload?: Record<string, never>;
  imageio?: { url: string };
  vddk?: { url?: string };
}

export interface DataVolumeSpec {
  source?: DataVolumeSource;
  sourceRef?: { kind: string; name: string; namespace?: string };
  pvc?: PvcSpec;
  storage?: PvcSpec;
  contentType?: string;
}

export interface DvCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastHeartbeatTime?: string;
}

export interface DataVolumeObj extends KObj {
  spec: DataVolumeSpec;
  status?: {
    phase?: string;
    progress?: string;
    claimName?: string;
    restartCount?: number;
    conditions?: DvCondition[];
  };
}

export interface VmVolume {
  name: string;
  dataVolume?: { name: string; hotpluggable?: boolean };
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean };
  hostDisk?: { path: string; type: string; shared?: boolean };
  containerDisk?: { image: string };
  cloudInitNoCloud?: Record<string, unknown>;
  cloudInitConfigDrive?: Record<string, unknown>;
  emptyDisk?: { capacity: string };
  [key: string]: unknown;
}

export interface VmDisk {
  name: string;
  disk?: { bus?: string };
  cdrom?: { bus?: string; readonly?: boolean };
  lun?: Record<string, unknown>;
}

export interface VmTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: {
    domain: {
      cpu?: Record<string, unknown>;
      memory?: Record<string, unknown>;
      devices?: Record<string, unknown>;
    } & Record<string, unknown>;
    volumes?: VmVolume[];
  } & Record<string, unknown>;
}

export interface StateChangeRequest {
  action: 'Start' | 'Stop';
  uid?: string;
  data?: Record<string, string>;
}

export interface KubevirtCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastProbeTime?: string | null;
  lastTransitionTime?: string | null;
}

export interface VmObj extends KObj {
  spec: {
    runStrategy?: string;
    running?: boolean;
    instancetype?: { kind?: string; name: string };
    preference?: { kind?: string; name: string };
    dataVolumeTemplates?: {
      metadata: { name: string; labels?: Record<string, string> };
      spec: DataVolumeSpec;
    }[];
    template: VmTemplate;
  };
  status?: {
    printableStatus?: string;
    ready?: boolean;
    created?: boolean;
    runStrategy?: string;
    conditions?: KubevirtCondition[];
    stateChangeRequests?: StateChangeRequest[];
    observedGeneration?: number;
    desiredGeneration?: number;
    snapshotInProgress?: string | null;
    restoreInProgress?: string | null;
    volumeSnapshotStatuses?: { name: string; enabled: boolean; reason?: string }[];
  };
}

/** status.migrationState of a VMI (and, once final, of its VirtualMachineInstanceMigration). */
export interface MigrationState {
  migrationUid?: string;
  sourceNode?: string;
  targetNode?: string;
  targetPod?: string;
  targetNodeAddress?: string;
  targetNodeDomainDetected?: boolean;
  targetNodeDomainReadyTimestamp?: string;
  startTimestamp?: string;
  endTimestamp?: string;
  completed?: boolean;
  failed?: boolean;
  abortRequested?: boolean;
  abortStatus?: string;
  failureReason?: string;
  mode?: string;
  migrationConfiguration?: Record<string, unknown>;
}

export interface PhaseTransition {
  phase: string;
  phaseTransitionTimestamp: string;
}

export interface VmiObj extends KObj {
  spec: VmTemplate['spec'];
  status?: {
    phase?: string;
    nodeName?: string;
    interfaces?: { ipAddress?: string; mac?: string; name?: string }[];
    conditions?: KubevirtCondition[];
    migrationState?: MigrationState;
    migrationMethod?: string;
    phaseTransitionTimestamps?: PhaseTransition[];
  };
}

export interface VmimObj extends KObj {
  spec: { vmiName: string; addedNodeSelector?: Record<string, string> };
  status?: {
    phase?: string;
    conditions?: KubevirtCondition[];
    phaseTransitionTimestamps?: PhaseTransition[];
    migrationState?: MigrationState;
  };
}

export interface SnapshotCondition {
  type: string;
  status: string;
  reason?: string;
  lastTransitionTime?: string;
  lastProbeTime?: string | null;
}

export interface VmSnapshotObj extends KObj {
  spec: {
    source: { apiGroup?: string; kind: string; name: string };
    deletionPolicy?: string;
    failureDeadline?: string;
  };
  status?: {
    phase?: string;
    readyToUse?: boolean;
    creationTime?: string | null;
    sourceUID?: string;
    virtualMachineSnapshotContentName?: string;
    indications?: string[];
    sourceIndications?: { indication: string; message: string }[];
    snapshotVolumes?: { includedVolumes?: string[]; excludedVolumes?: string[] };
    conditions?: SnapshotCondition[];
    error?: { message?: string; time?: string };
  };
}

export interface VolumeBackup {
  volumeName: string;
  persistentVolumeClaim: {
    metadata: { name: string; labels?: Record<string, string> };
    spec: PvcSpec;
  };
  volumeSnapshotName?: string;
}

export interface VmSnapshotContentObj extends KObj {
  spec: {
    virtualMachineSnapshotName?: string;
    source: {
      virtualMachine?: {
        metadata: { name: string; namespace?: string; uid?: string };
        spec: VmObj['spec'];
      };
    };
    volumeBackups?: VolumeBackup[];
  };
  status?: {
    readyToUse?: boolean;
    creationTime?: string | null;
    volumeSnapshotStatus?: {
      volumeSnapshotName: string;
      readyToUse?: boolean;
      creationTime?: string;
    }[];
    error?: { message?: string; time?: string };
  };
}

export interface VmRestoreObj extends KObj {
  spec: {
    target: { apiGroup?: string; kind: string; name: string };
    virtualMachineSnapshotName: string;
    targetReadinessPolicy?: string;
  };
  status?: {
    complete?: boolean;
    restoreTime?: string;
    conditions?: SnapshotCondition[];
    restores?: {
      volumeName: string;
      persistentVolumeClaim: string;
      volumeSnapshotName: string;
      dataVolumeName?: string;
    }[];
    deletedDataVolumes?: string[];
  };
}

export interface VolumeSnapshotObj extends KObj {
  spec: {
    source: { persistentVolumeClaimName?: string; volumeSnapshotContentName?: string };
    volumeSnapshotClassName?: string;
  };
  status?: {
    boundVolumeSnapshotContentName?: string;
    creationTime?: string;
    readyToUse?: boolean;
    restoreSize?: string;
    error?: { message?: string; time?: string };
  };
}

export interface VolumeSnapshotClassObj extends KObj {
  driver: string;
  deletionPolicy: string;
}

export interface InstancetypeObj extends KObj {
  spec: { cpu?: { guest?: number }; memory?: { guest?: string } };
}

export interface HelmReleaseObj extends KObj {
  spec: {
    suspend?: boolean;
    chart?: {
      spec?: {
        chart?: string;
        version?: string;
        sourceRef?: { kind?: string; name?: string; namespace?: string };
      };
    };
    releaseName?: string;
    targetNamespace?: string;
    kubeConfig?: { secretRef?: { name?: string; key?: string } };
    dependsOn?: { name: string; namespace?: string }[];
  };
  status?: {
    conditions?: Condition[];
    observedGeneration?: number;
    lastAttemptedGeneration?: number;
    lastHandledReconcileAt?: string;
    lastHandledForceAt?: string;
    lastHandledResetAt?: string;
    failures?: number;
    installFailures?: number;
    upgradeFailures?: number;
    history?: {
      chartName: string;
      chartVersion: string;
      version: number;
      status: string;
      lastDeployed?: string;
    }[];
  };
}

export interface FarObj extends KObj {
  spec: { agent?: string; remediationStrategy?: string };
  status?: { conditions?: Condition[]; lastUpdateTime?: string };
}

export interface HelmRepositoryObj extends KObj {
  spec: { url?: string; type?: string };
  status?: { conditions?: Condition[]; artifact?: unknown; observedGeneration?: number };
}

export interface KubeadmConfigTemplateObj extends KObj {
  spec: {
    template?: {
      spec?: {
        joinConfiguration?: {
          nodeRegistration?: { kubeletExtraArgs?: { name: string; value?: string }[] };
        };
      };
    };
  };
}
