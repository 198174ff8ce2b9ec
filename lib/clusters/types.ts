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
  spec?: {
    version?: string;
    replicas?: number;
    dataStoreName?: string;
    apiServer?: { extraArgs?: string[] };
  };
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
  status?: { phase?: string; nodeRef?: { name?: string }; conditions?: Condition[] };
};

export type MachineHealthCheckObject = KubeObject & {
  spec?: {
    clusterName?: string;
    selector?: { matchLabels?: Record<string, string> };
    checks?: {
      nodeStartupTimeoutSeconds?: number;
      unhealthyNodeConditions?: { type: string; status: string; timeoutSeconds: number }[];
    };
    remediation?: { triggerIf?: { unhealthyLessThanOrEqualTo?: string | number } };
  };
  status?: {
    expectedMachines?: number;
    currentHealthy?: number;
    remediationsAllowed?: number;
    targets?: string[];
    conditions?: Condition[];
  };
};

/** Flux helm-controller's HelmRelease (v2), as far as add-on health needs it. */
export type HelmReleaseObject = KubeObject & {
  spec?: {
    suspend?: boolean;
    releaseName?: string;
    targetNamespace?: string;
    chart?: { spec?: { chart?: string; version?: string } };
    kubeConfig?: { secretRef?: { name?: string } };
    dependsOn?: { name: string; namespace?: string }[];
  };
  status?: {
    conditions?: Condition[];
    history?: { chartName?: string; chartVersion?: string; status?: string }[];
    lastAttemptedRevision?: string;
    failures?: number;
  };
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

/** KubeVirt's VirtualMachineClusterInstancetype: a named VM size. */
export type InstancetypeObject = KubeObject & {
  spec?: { cpu?: { guest?: number }; memory?: { guest?: string } };
};
