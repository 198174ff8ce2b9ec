// What registers the virt-api stand-in with kube-apiserver's aggregator, and the stand-in's own
// rights. Mirrors virt-operator's APIServices (components/apiservices.go, v1.9.0).
import type { KubernetesObject } from '@kubernetes/client-node';

export const group = 'subresources.kubevirt.io';
/** virt-api serves both; v1alpha3 is kept for old clients. */
export const versions = ['v1', 'v1alpha3'] as const;
export const standInUser = 'stratus-virt-api';

/**
 * An ExternalName Service: with --enable-aggregator-routing=false the aggregator resolves it to
 * externalName:port, so a process on the host stands in for virt-api's pods.
 */
export function aggregationObjects(port: number, caPem: string): KubernetesObject[] {
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'virt-api', namespace: 'kubevirt', labels: { 'kubevirt.io': 'virt-api' } },
    spec: {
      type: 'ExternalName',
      externalName: 'localhost',
      ports: [{ name: 'https', port, protocol: 'TCP' }],
    },
  };
  const apiServices = versions.map((version) => ({
    apiVersion: 'apiregistration.k8s.io/v1',
    kind: 'APIService',
    metadata: {
      name: `${version}.${group}`,
      labels: { 'kubevirt.io': 'virt-api-aggregator', 'devcluster.stratus/stand-in': 'true' },
    },
    spec: {
      service: { namespace: 'kubevirt', name: 'virt-api', port },
      group,
      version,
      groupPriorityMinimum: 1000,
      versionPriority: 15,
      caBundle: Buffer.from(caPem).toString('base64'),
    },
  }));
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kubevirt' } },
    service,
    ...apiServices,
  ];
}

/** Only what the handlers touch: read VMs/VMIs, write what virt-api writes, ask RBAC. */
export function standInRbac(): KubernetesObject[] {
  const role = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'stratus:devcluster:virt-api' },
    rules: [
      { apiGroups: ['kubevirt.io'], resources: ['virtualmachines'], verbs: ['get', 'patch'] },
      { apiGroups: ['kubevirt.io'], resources: ['virtualmachines/status'], verbs: ['patch'] },
      {
        apiGroups: ['kubevirt.io'],
        resources: ['virtualmachineinstances'],
        verbs: ['get', 'patch'],
      },
      {
        apiGroups: ['kubevirt.io'],
        resources: ['virtualmachineinstancemigrations'],
        verbs: ['list', 'create'],
      },
      // virt-api re-checks every request with a SubjectAccessReview (rest/authorizer.go).
      {
        apiGroups: ['authorization.k8s.io'],
        resources: ['subjectaccessreviews'],
        verbs: ['create'],
      },
    ],
  };
  const binding = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'stratus:devcluster:virt-api' },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'stratus:devcluster:virt-api',
    },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: standInUser }],
  };
  return [role, binding];
}

interface ApiServiceStatus {
  status?: { conditions?: { type: string; status: string; reason?: string; message?: string }[] };
}

/** The Available condition, or why not (for start's error message). */
export function availability(o: ApiServiceStatus): { ok: boolean; why: string } {
  const c = o.status?.conditions?.find((x) => x.type === 'Available');
  if (c?.status === 'True') return { ok: true, why: '' };
  return { ok: false, why: c ? `${c.reason ?? ''}: ${c.message ?? ''}` : 'no Available condition' };
}
