// MetalLB: a public and a private pool announced over L2. The simulator allocates from them and
// keeps their status counters.
//
// MetalLB checks pool addresses in its validating webhook, not in the CRD schema, so a malformed
// range would be accepted here. A ValidatingAdmissionPolicy (CEL, no webhook server needed) stands
// in for that webhook.
import type { KObj } from '../simulator/kube/types.ts';
import type { SeedClient } from './client.ts';

export const METALLB_NAMESPACE = 'metallb-system';

export const pools = {
  public: { addresses: ['198.51.100.10-198.51.100.60'], autoAssign: true, avoidBuggyIPs: false },
  private: { addresses: ['10.200.0.0/24'], autoAssign: false, avoidBuggyIPs: true },
} as const;

export function metallbObjects(): KObj[] {
  return [
    ...Object.entries(pools).map<KObj>(([name, spec]) => ({
      apiVersion: 'metallb.io/v1beta1',
      kind: 'IPAddressPool',
      metadata: {
        name,
        namespace: METALLB_NAMESPACE,
        annotations: {
          'stratus.dev/description':
            name === 'public'
              ? 'Internet-facing addresses'
              : 'Addresses reachable from the datacenter network only',
        },
      },
      spec: {
        addresses: [...spec.addresses],
        autoAssign: spec.autoAssign,
        avoidBuggyIPs: spec.avoidBuggyIPs,
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

// Each address entry: a CIDR, or "start-end" with two addresses of one family.
const entryOk =
  "a.contains('/') ? isCIDR(a) : (a.split('-').size() == 2 && isIP(a.split('-')[0].trim()) && " +
  "isIP(a.split('-')[1].trim()) && ip(a.split('-')[0].trim()).family() == ip(a.split('-')[1].trim()).family())";

export function addressPolicy(): KObj[] {
  return [
    {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicy',
      metadata: {
        name: 'metallb-ipaddresspool-addresses',
        annotations: {
          'stratus.dev/purpose': "stands in for MetalLB's validating webhook in the dev cluster",
        },
      },
      spec: {
        failurePolicy: 'Fail',
        matchConstraints: {
          resourceRules: [
            {
              apiGroups: ['metallb.io'],
              apiVersions: ['*'],
              operations: ['CREATE', 'UPDATE'],
              resources: ['ipaddresspools'],
            },
          ],
        },
        validations: [
          {
            expression: `!has(object.spec.addresses) || object.spec.addresses.all(a, ${entryOk})`,
            messageExpression:
              `'spec.addresses: invalid address range ' + object.spec.addresses.filter(a, !(${entryOk}))[0]` +
              ` + ': want a CIDR (10.0.0.0/24) or a start-end range of one family (10.0.0.10-10.0.0.20)'`,
            reason: 'Invalid',
          },
        ],
      },
    },
    {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicyBinding',
      metadata: { name: 'metallb-ipaddresspool-addresses' },
      spec: { policyName: 'metallb-ipaddresspool-addresses', validationActions: ['Deny'] },
    },
  ];
}

export async function seedNetwork(c: SeedClient): Promise<void> {
  await c.apply(addressPolicy());
  await c.apply(metallbObjects());
}
