// The objects that make a namespace a tenant, from the onboarding form. Pure. The same shape the
// seed gives the demo tenants (devcluster/src/seed/tenants.ts): label, display name, quota named
// tenant-quota, and the tenant's OIDC groups bound to the tenant roles.
import type { KubeObject } from '../k8s/types';
import type { OnboardInput, QuotaInput } from './admin-schema';
import { DISPLAY_NAME_ANNOTATION, TENANT_LABEL } from './types';

export const QUOTA_NAME = 'tenant-quota';
/** MetalLB pools the tenant may take addresses from (read by the load-balancer pages). */
export const ALLOWED_POOLS_ANNOTATION = 'stratus.dev/allowed-pools';
export const ADMIN_ROLE = 'stratus:tenant-admin';
export const VIEWER_ROLE = 'stratus:tenant-viewer';

export function quotaHard(q: QuotaInput): Record<string, string> {
  return {
    'requests.cpu': String(q.cpu),
    'requests.memory': `${q.memoryGi}Gi`,
    'requests.storage': `${q.storageGi}Gi`,
    persistentvolumeclaims: String(q.volumes),
    'services.loadbalancers': String(q.loadBalancers),
    'count/clusters.cluster.x-k8s.io': String(q.clusters),
    'count/virtualmachines.kubevirt.io': String(q.vms),
  };
}

const list = (v: string) =>
  v
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);

/** The groups bound, with the OIDC group prefix; the naming convention when none are given. */
export function tenantGroups(input: OnboardInput, groupPrefix: string) {
  const admins = list(input.adminGroups);
  const viewers = list(input.viewerGroups);
  return {
    admins: (admins.length ? admins : [`tenant-${input.name}-admins`]).map((g) => groupPrefix + g),
    viewers: (viewers.length ? viewers : [`tenant-${input.name}-viewers`]).map(
      (g) => groupPrefix + g,
    ),
  };
}

export function onboardObjects(
  input: OnboardInput,
  env: { namespacePrefix: string; groupPrefix: string },
): KubeObject[] {
  const namespace = `${env.namespacePrefix}${input.name}`;
  const { admins, viewers } = tenantGroups(input, env.groupPrefix);
  const binding = (name: string, role: string, groups: string[]): KubeObject => ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name, namespace },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
    subjects: groups.map((g) => ({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'Group',
      name: g,
    })),
  });
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: namespace,
        labels: {
          [TENANT_LABEL]: input.name,
          // KubeVirt's launcher pods need privileged (virt-controller labels VM namespaces so
          // itself); everything else is warned and audited against baseline.
          'pod-security.kubernetes.io/enforce': 'privileged',
          'pod-security.kubernetes.io/warn': 'baseline',
          'pod-security.kubernetes.io/audit': 'baseline',
        },
        annotations: {
          [DISPLAY_NAME_ANNOTATION]: input.displayName,
          ...(input.pools.length ? { [ALLOWED_POOLS_ANNOTATION]: input.pools.join(',') } : {}),
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: QUOTA_NAME, namespace },
      spec: { hard: quotaHard(input.quota) },
    },
    binding('stratus:tenant-admins', ADMIN_ROLE, admins),
    binding('stratus:tenant-viewers', VIEWER_ROLE, viewers),
  ];
}
