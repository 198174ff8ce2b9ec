// Flux objects as the releases console reads them (helm-controller v2, source-controller v1).
import type { Condition, KubeObject } from '../k8s/types';

export interface HistoryEntry {
  name?: string;
  namespace?: string;
  version?: number;
  status?: string;
  chartName?: string;
  chartVersion?: string;
  appVersion?: string;
  firstDeployed?: string;
  lastDeployed?: string;
  digest?: string;
  action?: string;
}

export interface SourceRef {
  kind: string;
  name: string;
  namespace?: string;
}

/** HelmRelease v2: everything the console shows (a superset of what cluster add-ons read). */
export type ReleaseObject = KubeObject & {
  spec?: {
    suspend?: boolean;
    interval?: string;
    releaseName?: string;
    targetNamespace?: string;
    chart?: { spec?: { chart?: string; version?: string; sourceRef?: SourceRef } };
    chartRef?: SourceRef;
    kubeConfig?: { secretRef?: { name?: string } };
    dependsOn?: { name: string; namespace?: string }[];
    values?: Record<string, unknown>;
    valuesFrom?: { kind: string; name: string; valuesKey?: string }[];
  };
  status?: {
    conditions?: Condition[];
    observedGeneration?: number;
    history?: HistoryEntry[];
    lastAttemptedRevision?: string;
    lastAttemptedReleaseAction?: string;
    lastHandledReconcileAt?: string;
    lastHandledForceAt?: string;
    failures?: number;
    installFailures?: number;
    upgradeFailures?: number;
    helmChart?: string;
  };
};

/** HelmRepository, OCIRepository and GitRepository share what health needs. */
export type FluxSourceObject = KubeObject & {
  spec?: { url?: string; suspend?: boolean; type?: string };
  status?: {
    conditions?: Condition[];
    artifact?: { revision?: string; lastUpdateTime?: string };
    lastHandledReconcileAt?: string;
  };
};
