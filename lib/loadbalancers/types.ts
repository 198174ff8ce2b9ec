// MetalLB's IPAddressPool (metallb.io/v1beta1) and the Service annotations it reads, as far as the
// dashboard uses them.
import type { KubeObject } from '../k8s/types';

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export interface ServiceAllocation {
  /** Lower numbers first; 0 (unset) after every prioritized pool. */
  priority?: number;
  namespaces?: string[];
  namespaceSelectors?: LabelSelector[];
  serviceSelectors?: LabelSelector[];
}

export type IpPoolObject = KubeObject & {
  spec?: {
    addresses?: string[];
    autoAssign?: boolean;
    avoidBuggyIPs?: boolean;
    serviceAllocation?: ServiceAllocation;
  };
  /** Written by MetalLB's controller since v0.15. */
  status?: {
    assignedIPv4?: number;
    assignedIPv6?: number;
    availableIPv4?: number;
    availableIPv6?: number;
  };
};

/** The annotations MetalLB reads on a Service (controller/service.go); it writes `allocatedFrom`. */
export const ANN = {
  pool: 'metallb.io/address-pool',
  ips: 'metallb.io/loadBalancerIPs',
  sharing: 'metallb.io/allow-shared-ip',
  allocatedFrom: 'metallb.io/ip-allocated-from-pool',
} as const;

/** MetalLB < 0.14.9 wrote and read these; it still reads them, the metallb.io key winning. */
export const legacyAnnotation = (key: string) => key.replace('metallb.io/', 'metallb.universe.tf/');

/** KubeVirt puts this label on a VM's instance and its virt-launcher pod. */
export const KUBEVIRT_VM_LABEL = 'vm.kubevirt.io/name';

export const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;
export type Protocol = (typeof PROTOCOLS)[number];
