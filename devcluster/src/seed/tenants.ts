// Tenants: a labelled namespace, its quota and RBAC (exactly as deploy/rbac/tenant.example.yaml),
// and the demo content each owns: clusters, VMs, volumes and load balancers.
import { demoTenants, type DemoTenant } from '../demo-users.ts';
import type { KObj } from '../simulator/kube/types.ts';
import type { SeedClient } from './client.ts';
import { clusterObjects, type TenantClusterSpec } from './clusters.ts';
import {
  dataVolumeObject,
  images,
  loadBalancerObject,
  vmObject,
  volumeObject,
  type LoadBalancerSpec,
  type VmSpec,
} from './workloads.ts';

export const TENANT_LABEL = 'stratus.dev/tenant';
export const DISPLAY_NAME_ANNOTATION = 'stratus.dev/display-name';

export const tenantQuota = {
  'requests.storage': '2Ti',
  persistentvolumeclaims: '50',
  'services.loadbalancers': '10',
  'count/clusters.cluster.x-k8s.io': '10',
  'count/virtualmachines.kubevirt.io': '30',
  // KubeVirt's launcher pods (VMs and tenant-cluster workers) request the VM's CPU and memory.
  'requests.cpu': '64',
  'requests.memory': '256Gi',
};

/** The objects that make a namespace a tenant. Reused by tests to create throwaway tenants. */
export function tenantObjects(t: DemoTenant): KObj[] {
  const binding = (name: string, role: string, group: string): KObj => ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name, namespace: t.namespace },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: group }],
  });
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: t.namespace,
        labels: { [TENANT_LABEL]: t.name },
        annotations: { [DISPLAY_NAME_ANNOTATION]: t.displayName },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'tenant-quota', namespace: t.namespace },
      spec: { hard: tenantQuota },
    },
    binding('stratus:tenant-admins', 'stratus:tenant-admin', `oidc:tenant-${t.name}-admins`),
    binding('stratus:tenant-viewers', 'stratus:tenant-viewer', `oidc:tenant-${t.name}-viewers`),
  ];
}

interface TenantContent {
  clusters: Omit<TenantClusterSpec, 'namespace'>[];
  vms: Omit<VmSpec, 'namespace'>[];
  dataVolumes: { name: string; image?: string; size: string; storageClass: string }[];
  volumes: { name: string; size: string; storageClass: string; mode?: 'Filesystem' | 'Block' }[];
  loadBalancers: Omit<LoadBalancerSpec, 'namespace'>[];
}

const group = (
  name: string,
  replicas: number,
  cpu: number,
  memory: string,
  storageClass = 'replicated',
) => ({
  name,
  replicas,
  cpu,
  memory,
  diskSize: '40Gi',
  storageClass,
});

export const content: Record<string, TenantContent> = {
  acme: {
    clusters: [
      {
        name: 'prod',
        version: 'v1.33.5',
        controlPlaneReplicas: 2,
        nodeGroups: [
          group('general', 3, 4, '16Gi'),
          group('memory', 2, 4, '32Gi', 'replicated-x3'),
        ],
        addons: ['ingress-nginx', 'cert-manager', 'metrics-server'],
        personalAccess: true,
      },
      {
        name: 'staging',
        version: 'v1.34.1',
        controlPlaneReplicas: 1,
        nodeGroups: [group('general', 2, 2, '8Gi')],
        addons: ['metrics-server'],
      },
    ],
    vms: [
      {
        name: 'web-1',
        instancetype: 'u1.medium',
        preference: 'ubuntu',
        image: images.ubuntu,
        rootSize: '20Gi',
        storageClass: 'replicated',
        runStrategy: 'Always',
      },
      {
        name: 'db-1',
        instancetype: 'u1.xlarge',
        preference: 'debian',
        image: images.debian,
        rootSize: '20Gi',
        storageClass: 'replicated-x3',
        runStrategy: 'Always',
        dataDisks: [{ name: 'data', size: '100Gi', storageClass: 'replicated-x3' }],
      },
      {
        name: 'bastion',
        instancetype: 'u1.small',
        preference: 'alpine',
        image: images.alpine,
        rootSize: '4Gi',
        storageClass: 'local',
        runStrategy: 'Halted',
      },
    ],
    dataVolumes: [
      {
        name: 'ubuntu-2404-golden',
        image: images.ubuntu,
        size: '20Gi',
        storageClass: 'replicated',
      },
      { name: 'scratch', size: '50Gi', storageClass: 'local' },
    ],
    volumes: [
      { name: 'shared-data', size: '100Gi', storageClass: 'replicated' },
      { name: 'build-cache', size: '50Gi', storageClass: 'local' },
    ],
    loadBalancers: [
      {
        name: 'web',
        pool: 'public',
        ports: [
          { name: 'http', port: 80 },
          { name: 'https', port: 443 },
        ],
        selector: { 'app.kubernetes.io/name': 'web-1' },
      },
      {
        name: 'postgres',
        pool: 'private',
        ip: '10.200.0.20',
        ports: [{ name: 'postgres', port: 5432 }],
        selector: { 'app.kubernetes.io/name': 'db-1' },
      },
    ],
  },
  globex: {
    clusters: [
      {
        name: 'analytics',
        version: 'v1.34.1',
        controlPlaneReplicas: 2,
        nodeGroups: [group('workers', 3, 8, '32Gi')],
      },
      {
        name: 'ci',
        version: 'v1.33.5',
        controlPlaneReplicas: 1,
        nodeGroups: [group('runners', 1, 4, '8Gi', 'local')],
      },
    ],
    vms: [
      {
        name: 'build-agent-1',
        instancetype: 'u1.xlarge',
        preference: 'ubuntu',
        image: images.ubuntu,
        rootSize: '60Gi',
        storageClass: 'local',
        runStrategy: 'Always',
      },
      {
        name: 'legacy-erp',
        instancetype: 'u1.large',
        preference: 'centos.stream9',
        image: images.centos,
        rootSize: '40Gi',
        storageClass: 'replicated',
        runStrategy: 'RerunOnFailure',
      },
      {
        name: 'sandbox',
        instancetype: 'u1.medium',
        preference: 'fedora',
        image: images.fedora,
        rootSize: '20Gi',
        storageClass: 'replicated',
        runStrategy: 'Halted',
      },
    ],
    dataVolumes: [
      { name: 'debian-12-golden', image: images.debian, size: '10Gi', storageClass: 'replicated' },
    ],
    volumes: [{ name: 'artifacts', size: '200Gi', storageClass: 'replicated' }],
    loadBalancers: [
      {
        name: 'gitlab',
        pool: 'public',
        ip: '198.51.100.50',
        ports: [
          { name: 'https', port: 443 },
          { name: 'ssh', port: 22 },
        ],
        selector: { 'app.kubernetes.io/name': 'legacy-erp' },
      },
      {
        name: 'erp-api',
        pool: 'private',
        ports: [{ name: 'http', port: 8080 }],
        selector: { 'app.kubernetes.io/name': 'legacy-erp' },
      },
    ],
  },
};

export function contentObjects(t: DemoTenant): KObj[] {
  const c = content[t.name];
  if (!c) return [];
  const ns = t.namespace;
  return [
    ...c.clusters.flatMap((x) => clusterObjects({ ...x, namespace: ns })),
    ...c.vms.map((v) => vmObject({ ...v, namespace: ns })),
    ...c.dataVolumes.map((d) => dataVolumeObject(d.name, ns, d.image, d.size, d.storageClass)),
    ...c.volumes.map((v) => volumeObject(v.name, ns, v.size, v.storageClass, v.mode)),
    ...c.loadBalancers.map((lb) => loadBalancerObject({ ...lb, namespace: ns })),
  ];
}

export async function seedTenants(c: SeedClient): Promise<void> {
  for (const t of demoTenants) {
    await c.apply(tenantObjects(t));
    // Workloads are created once: a demo user's changes (stopping a VM, scaling) survive a restart.
    await c.createMissing(contentObjects(t));
  }
}
