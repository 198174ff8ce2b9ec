// The Cluster API objects of a tenant cluster, as far as the dashboard reads them.
import type { Condition, KubeObject } from '../k8s/types';

export type ClusterObject = KubeObject & {
  spec?: {
    paused?: boolean;
    controlPlaneEndpoint?: { host?: string; port?: number };
    clusterNetwork?: unknown;
  };
  status?: {
    phase?: string;
    conditions?: Condition[];
    initialization?: { infrastructureProvisioned?: boolean; controlPlaneInitialized?: boolean };
  };
};

export type KamajiControlPlaneObject = KubeObject & {
  spec?: { version?: string; replicas?: number; dataStoreName?: string };
  status?: {
    ready?: boolean;
    version?: string;
    replicas?: number;
    readyReplicas?: number;
    conditions?: Condition[];
  };
};

export type MachineDeploymentObject = KubeObject & {
  spec?: {
    replicas?: number;
    template?: { spec?: { version?: string; infrastructureRef?: { name?: string } } };
  };
  status?: {
    replicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    phase?: string;
  };
};

export type MachineObject = KubeObject & {
  spec?: { version?: string };
  status?: { phase?: string; nodeRef?: { name?: string } };
};

export type MachineTemplateObject = KubeObject & { spec?: { template?: unknown } };

export type KubevirtMachineTemplateObject = KubeObject & {
  spec?: {
    template?: {
      spec?: {
        virtualMachineTemplate?: {
          spec?: {
            dataVolumeTemplates?: { spec?: { source?: { registry?: { url?: string } } } }[];
          };
        };
      };
    };
  };
};
