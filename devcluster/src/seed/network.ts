// MetalLB: a public and a private pool for everyone and one dedicated to acme, announced over L2.
// MetalLB's own controller (devcluster/src/metallb.ts) allocates from them, keeps their status
// counters and validates them in its webhook.
import type { KObj } from '../simulator/kube/types.ts';
import type { SeedClient } from './client.ts';

export const METALLB_NAMESPACE = 'metallb-system';

export const pools = {
  public: { addresses: ['198.51.100.10-198.51.100.60'], autoAssign: true, avoidBuggyIPs: false },
  private: { addresses: ['10.200.0.0/24'], autoAssign: false, avoidBuggyIPs: true },
  // Only acme may use it, and only by name (serviceAllocation; MetalLB refuses everyone else).
  'acme-dedicated': {
    addresses: ['203.0.113.16/29'],
    autoAssign: false,
    avoidBuggyIPs: false,
    serviceAllocation: { priority: 1, namespaces: ['tenant-acme'] },
  },
} as const;

const descriptions: Record<keyof typeof pools, string> = {
  public: 'Internet-facing addresses',
  private: 'Addresses reachable from the datacenter network only',
  'acme-dedicated': 'Internet-facing addresses reserved for acme',
};

export function metallbObjects(): KObj[] {
  return [
    ...Object.entries(pools).map<KObj>(([name, spec]) => ({
      apiVersion: 'metallb.io/v1beta1',
      kind: 'IPAddressPool',
      metadata: {
        name,
        namespace: METALLB_NAMESPACE,
        annotations: { 'stratus.dev/description': descriptions[name as keyof typeof pools] },
      },
      spec: {
        addresses: [...spec.addresses],
        autoAssign: spec.autoAssign,
        avoidBuggyIPs: spec.avoidBuggyIPs,
        ...('serviceAllocation' in spec
          ? {
              serviceAllocation: {
                priority: spec.serviceAllocation.priority,
                namespaces: [...spec.serviceAllocation.namespaces],
              },
            }
          : {}),
      },
    })),
    {
      apiVersion: 'metallb.io/v1beta1',
      kind: 'L2Advertisement',
      metadata: { name: 'default', namespace: METALLB_NAMESPACE },
      spec: { ipAddressPools: Object.keys(pools) },
    },
  ];
}

export async function seedNetwork(c: SeedClient): Promise<void> {
  await c.apply(metallbObjects());
}
