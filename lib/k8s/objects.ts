// Typed shapes of the built-in kinds the dashboard reads. Spec and status come from client-node's
// generated types; metadata is ours, because the wire carries timestamps as strings, not Dates.
import type {
  V1NamespaceSpec,
  V1NodeSpec,
  V1NodeStatus,
  V1PersistentVolumeClaimSpec,
  V1PersistentVolumeClaimStatus,
  V1PersistentVolumeSpec,
  V1ResourceQuotaSpec,
  V1ResourceQuotaStatus,
  V1ServiceSpec,
  V1ServiceStatus,
} from '@kubernetes/client-node';

import type { KubeObject } from './types';

export type NamespaceObject = KubeObject & { spec?: V1NamespaceSpec; status?: { phase?: string } };
export type NodeObject = KubeObject & { spec?: V1NodeSpec; status?: V1NodeStatus };
export type ServiceObject = KubeObject & { spec?: V1ServiceSpec; status?: V1ServiceStatus };
export type PersistentVolumeClaimObject = KubeObject & {
  spec?: V1PersistentVolumeClaimSpec;
  status?: V1PersistentVolumeClaimStatus;
};
export type PersistentVolumeObject = KubeObject & { spec?: V1PersistentVolumeSpec };
export type ResourceQuotaObject = KubeObject & {
  spec?: V1ResourceQuotaSpec;
  status?: V1ResourceQuotaStatus;
};
export type StorageClassObject = KubeObject & {
  provisioner?: string;
  parameters?: Record<string, string>;
  allowVolumeExpansion?: boolean;
};

export type ConfigMapObject = KubeObject & { data?: Record<string, string> };
export type SecretObject = KubeObject & { type?: string; data?: Record<string, string> };

/** core/v1 Event; times as the wire has them. */
export type EventObject = KubeObject & {
  involvedObject?: {
    apiVersion?: string;
    kind?: string;
    name?: string;
    namespace?: string;
    uid?: string;
  };
  reason?: string;
  message?: string;
  type?: string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string;
  source?: { component?: string };
};
