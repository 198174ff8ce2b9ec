// The KubeVirt and CDI objects of a virtual machine, as far as the dashboard reads them.
import type { KubeObject } from '../k8s/types';

/** KubeVirt's conditions carry null probe times; the dashboard reads only these fields. */
export interface VmCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string | null;
}

export interface DiskSource {
  http?: { url: string };
  registry?: { url: string };
  pvc?: { namespace: string; name: string };
  snapshot?: { namespace: string; name: string };
  blank?: Record<string, never>;
}

export interface DataVolumeTemplate {
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: {
    source?: DiskSource;
    sourceRef?: { kind: 'DataSource'; name: string; namespace?: string };
    storage?: {
      accessModes?: string[];
      volumeMode?: string;
      storageClassName?: string;
      resources?: { requests?: { storage?: string } };
    };
  };
}

export interface VmVolume {
  name: string;
  dataVolume?: { name: string; hotpluggable?: boolean };
  persistentVolumeClaim?: { claimName: string };
  containerDisk?: { image: string };
  cloudInitNoCloud?: { userData?: string; secretRef?: { name: string } };
}

export interface VmTemplateSpec {
  domain: {
    cpu?: { cores?: number; sockets?: number; threads?: number };
    memory?: { guest?: string };
    resources?: { requests?: { memory?: string; cpu?: string } };
    devices: {
      disks?: { name: string; disk?: { bus?: string }; bootOrder?: number }[];
      interfaces?: { name: string; masquerade?: Record<string, never> }[];
    };
  };
  networks?: { name: string; pod?: Record<string, never> }[];
  volumes?: VmVolume[];
  evictionStrategy?: string;
}

export type VmObject = KubeObject & {
  spec?: {
    runStrategy?: string;
    running?: boolean;
    instancetype?: { kind?: string; name: string };
    preference?: { kind?: string; name: string };
    dataVolumeTemplates?: DataVolumeTemplate[];
    template?: {
      metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
      spec?: VmTemplateSpec;
    };
  };
  status?: {
    printableStatus?: string;
    ready?: boolean;
    created?: boolean;
    conditions?: VmCondition[];
    snapshotInProgress?: string;
    restoreInProgress?: string;
    stateChangeRequests?: { action: string }[];
  };
};

export interface VmiInterface {
  name?: string;
  ipAddress?: string;
  ipAddresses?: string[];
  mac?: string;
  interfaceName?: string;
}

export interface MigrationState {
  sourceNode?: string;
  targetNode?: string;
  startTimestamp?: string;
  endTimestamp?: string;
  completed?: boolean;
  failed?: boolean;
  abortStatus?: string;
  failureReason?: string;
  migrationUid?: string;
  mode?: string;
}

export type VmiObject = KubeObject & {
  status?: {
    phase?: string;
    nodeName?: string;
    reason?: string;
    interfaces?: VmiInterface[];
    conditions?: VmCondition[];
    guestOSInfo?: { name?: string; prettyName?: string; version?: string; kernelRelease?: string };
    migrationState?: MigrationState;
  };
};

export type DataVolumeObject = KubeObject & {
  spec?: DataVolumeTemplate['spec'];
  status?: {
    phase?: string;
    progress?: string;
    restartCount?: number;
    claimName?: string;
    conditions?: VmCondition[];
  };
};

export type MigrationObject = KubeObject & {
  spec?: { vmiName?: string };
  status?: {
    phase?: string;
    phaseTransitionTimestamps?: { phase: string; phaseTransitionTimestamp: string }[];
    migrationState?: MigrationState;
    conditions?: VmCondition[];
  };
};

export type VmSnapshotObject = KubeObject & {
  spec?: { source?: { apiGroup?: string; kind?: string; name?: string } };
  status?: {
    phase?: string;
    readyToUse?: boolean;
    creationTime?: string;
    indications?: string[];
    conditions?: VmCondition[];
    error?: { message?: string };
  };
};

export type VmRestoreObject = KubeObject & {
  spec?: {
    target?: { apiGroup?: string; kind?: string; name?: string };
    virtualMachineSnapshotName?: string;
  };
  status?: { complete?: boolean; restoreTime?: string; conditions?: VmCondition[] };
};

export type PreferenceObject = KubeObject & {
  spec?: { devices?: { preferredDiskBus?: string } };
};
