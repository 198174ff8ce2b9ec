// What installs medik8s's node-healthcheck-operator (v0.12.0) on the local cluster as its manifests do
// on a real one: its ServiceAccount and manager ClusterRole (config/rbac/role.yaml, labelled for
// ext-remediation aggregation as config/default/manager_role_patch.yaml does), its webhook Service
// and ValidatingWebhookConfiguration (config/webhook/manifests.yaml). Only the Service differs: an
// ExternalName to the host, where the manager runs as a process. Pure.
import type { KubernetesObject } from '@kubernetes/client-node';

export const NHC_NAMESPACE = 'medik8s';
/** The names the operator itself uses (internal/controller/rbac/aggregation.go). */
export const NHC_SERVICE_ACCOUNT = 'node-healthcheck-controller-manager';
export const NHC_WEBHOOK_SERVICE = 'node-healthcheck-webhook-service';
export const NHC_WEBHOOK_PATH = '/validate-remediation-medik8s-io-v1alpha1-nodehealthcheck';
const AGGREGATE = 'rbac.ext-remediation/aggregate-to-ext-remediation';

/** The DNS name the API server checks the webhook's serving certificate against. */
export const webhookHost = `${NHC_WEBHOOK_SERVICE}.${NHC_NAMESPACE}.svc`;

interface Rule {
  apiGroups?: string[];
  resources?: string[];
  verbs?: string[];
}

export function nhcObjects(opts: {
  managerRules: Rule[];
  port: number;
  caPem: string;
}): KubernetesObject[] {
  const role = 'node-healthcheck-operator-manager-role';
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NHC_NAMESPACE } },
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: NHC_SERVICE_ACCOUNT, namespace: NHC_NAMESPACE },
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: role, labels: { [AGGREGATE]: 'true' } },
      rules: opts.managerRules,
    } as KubernetesObject,
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: role },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
      subjects: [{ kind: 'ServiceAccount', name: NHC_SERVICE_ACCOUNT, namespace: NHC_NAMESPACE }],
    } as KubernetesObject,
    ...remediatorRoles(),
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: NHC_WEBHOOK_SERVICE, namespace: NHC_NAMESPACE },
      spec: {
        type: 'ExternalName',
        externalName: 'localhost',
        ports: [{ name: 'https', port: opts.port, protocol: 'TCP' }],
      },
    } as KubernetesObject,
    {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingWebhookConfiguration',
      metadata: { name: 'node-healthcheck-validating-webhook-configuration' },
      webhooks: [
        {
          name: 'vnodehealthcheck.kb.io',
          admissionReviewVersions: ['v1'],
          clientConfig: {
            service: {
              name: NHC_WEBHOOK_SERVICE,
              namespace: NHC_NAMESPACE,
              path: NHC_WEBHOOK_PATH,
              port: opts.port,
            },
            caBundle: Buffer.from(opts.caPem).toString('base64'),
          },
          failurePolicy: 'Fail',
          sideEffects: 'None',
          rules: [
            {
              apiGroups: ['remediation.medik8s.io'],
              apiVersions: ['v1alpha1'],
              operations: ['CREATE', 'UPDATE', 'DELETE'],
              resources: ['nodehealthchecks'],
            },
          ],
        },
      ],
    } as KubernetesObject,
  ];
}

/**
 * The roles the remediation operators ship for NHC (fence-agents-remediation and
 * self-node-remediation, config/rbac/ext_remediation_role.yaml): labelled for aggregation, NHC's
 * initializer aggregates them into node-healthcheck-operator-aggregation and binds that to its
 * ServiceAccount. Their operators don't run here (the simulator plays their agents), so their roles
 * are installed on their behalf.
 */
export function remediatorRoles(): KubernetesObject[] {
  const ext = (name: string, group: string, plural: string, templates: string) =>
    ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name, labels: { [AGGREGATE]: 'true' } },
      rules: [
        {
          apiGroups: [group],
          resources: [templates],
          verbs: ['get', 'list', 'watch'],
        },
        {
          apiGroups: [group],
          resources: [plural],
          verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
        },
      ],
    }) as KubernetesObject;
  return [
    ext(
      'fence-agents-remediation-ext-remediation',
      'fence-agents-remediation.medik8s.io',
      'fenceagentsremediations',
      'fenceagentsremediationtemplates',
    ),
    ext(
      'self-node-remediation-ext-remediation',
      'self-node-remediation.medik8s.io',
      'selfnoderemediations',
      'selfnoderemediationtemplates',
    ),
  ];
}
