// Metal3 and NFD objects as the inventory reads them (baremetal-operator v0.13, NFD v0.19).
import type { Condition, KubeObject } from '../k8s/types';

export interface Hardware {
  cpu?: { arch?: string; model?: string; clockMegahertz?: number; count?: number };
  ramMebibytes?: number;
  nics?: { name?: string; mac?: string; model?: string; speedGbps?: number; ip?: string }[];
  storage?: {
    name?: string;
    type?: string;
    model?: string;
    vendor?: string;
    serialNumber?: string;
    sizeBytes?: number;
  }[];
  systemVendor?: { manufacturer?: string; productName?: string; serialNumber?: string };
  firmware?: { bios?: { vendor?: string; version?: string; date?: string } };
  hostname?: string;
}

export type BareMetalHostObject = KubeObject & {
  spec?: {
    online?: boolean;
    externallyProvisioned?: boolean;
    description?: string;
    bmc?: { address?: string };
    consumerRef?: { kind?: string; name?: string };
  };
  status?: {
    operationalStatus?: string;
    errorType?: string;
    errorMessage?: string;
    poweredOn?: boolean;
    provisioning?: { state?: string };
    hardware?: Hardware;
    conditions?: Condition[];
    lastUpdated?: string;
  };
};

export type HardwareDataObject = KubeObject & { spec?: { hardware?: Hardware } };

export type NodeFeatureObject = KubeObject & {
  spec?: {
    labels?: Record<string, string>;
    features?: {
      attributes?: Record<string, { elements?: Record<string, string> }>;
      instances?: Record<string, { elements?: { attributes?: Record<string, string> }[] }>;
    };
  };
};
