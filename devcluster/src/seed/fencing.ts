// Node remediation: a NodeHealthCheck over the workers, fence-agents (IPMI) and self-node
// remediation templates, the remediation in progress for the NotReady node, and kube-fencing's
// pod template.
import type { KObj } from '../simulator/kube/types.ts';
import { daysAgo, type SeedClient } from './client.ts';
import { brokenNode, fleet } from './fleet.ts';

export const MEDIK8S_NAMESPACE = 'medik8s';
export const FENCING_NAMESPACE = 'kube-fencing';
const FAR_API = 'fence-agents-remediation.medik8s.io/v1alpha1';

const farSpec = () => ({
  agent: 'fence_ipmilan',
  sharedparameters: { '--lanplus': '', '--username': 'admin', '--action': 'reboot' },
  nodeparameters: {
    '--ip': Object.fromEntries(fleet.map((s) => [s.node, s.bmcIp])),
    '--ipport': Object.fromEntries(fleet.map((s) => [s.node, '623'])),
  },
  sharedSecretName: 'fence-agents-credentials-shared',
  retrycount: 5,
  retryinterval: '5s',
  timeout: '60s',
  remediationStrategy: 'OutOfServiceTaint',
});

export function fencingObjects(): KObj[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'Opaque',
      metadata: { name: 'fence-agents-credentials-shared', namespace: MEDIK8S_NAMESPACE },
      stringData: { '--password': 'demo-only-ipmi-password' },
    },
    {
      apiVersion: FAR_API,
      kind: 'FenceAgentsRemediationTemplate',
      metadata: { name: 'ipmi', namespace: MEDIK8S_NAMESPACE },
      spec: { template: { spec: farSpec() } },
    },
    {
      apiVersion: 'self-node-remediation.medik8s.io/v1alpha1',
      kind: 'SelfNodeRemediationTemplate',
      metadata: {
        name: 'self-node-remediation-automatic-strategy-template',
        namespace: MEDIK8S_NAMESPACE,
      },
      spec: { template: { spec: { remediationStrategy: 'Automatic' } } },
    },
    {
      apiVersion: 'remediation.medik8s.io/v1alpha1',
      kind: 'NodeHealthCheck',
      metadata: { name: 'workers' },
      spec: {
        selector: {
          matchExpressions: [{ key: 'node-role.kubernetes.io/worker', operator: 'Exists' }],
        },
        unhealthyConditions: [
          { type: 'Ready', status: 'False', duration: '300s' },
          { type: 'Ready', status: 'Unknown', duration: '300s' },
        ],
        minHealthy: '51%',
        remediationTemplate: {
          apiVersion: FAR_API,
          kind: 'FenceAgentsRemediationTemplate',
          name: 'ipmi',
          namespace: MEDIK8S_NAMESPACE,
        },
      },
    },
    {
      // kube-fencing runs a Job from this template for a node whose kubelet went silent.
      apiVersion: 'v1',
      kind: 'PodTemplate',
      metadata: { name: 'fencing', namespace: FENCING_NAMESPACE },
      template: {
        metadata: { name: 'fence' },
        spec: {
          restartPolicy: 'OnFailure',
          containers: [
            {
              name: 'fence',
              image: 'docker.io/kvaps/kube-fencing-agents:v2.1.0',
              command: [
                'fence_ipmilan',
                '--lanplus',
                '-a',
                '$(FENCING_ID)',
                '-l',
                'admin',
                '-p',
                'demo',
                '-o',
                'off',
              ],
              env: [
                {
                  name: 'FENCING_NODE',
                  valueFrom: { fieldRef: { fieldPath: "metadata.annotations['fencing/node']" } },
                },
                {
                  name: 'FENCING_ID',
                  valueFrom: { fieldRef: { fieldPath: "metadata.annotations['fencing/id']" } },
                },
              ],
            },
          ],
        },
      },
    },
  ];
}

export function remediation(): KObj {
  return {
    apiVersion: FAR_API,
    kind: 'FenceAgentsRemediation',
    metadata: {
      name: brokenNode,
      namespace: MEDIK8S_NAMESPACE,
      labels: { 'app.kubernetes.io/part-of': 'node-healthcheck-controller' },
      annotations: {
        'remediation.medik8s.io/node-name': brokenNode,
        'remediation.medik8s.io/template-name': 'ipmi',
      },
    },
    spec: farSpec(),
  };
}

export function remediationStatus(now: Date): Record<string, unknown> {
  const at = daysAgo(now, 0, 6);
  const msg = 'The CR was found and the remediation started';
  return {
    lastUpdateTime: at,
    conditions: [
      {
        type: 'Processing',
        status: 'True',
        reason: 'RemediationStarted',
        message: msg,
        lastTransitionTime: at,
      },
      {
        type: 'FenceAgentActionSucceeded',
        status: 'Unknown',
        reason: 'RemediationStarted',
        message: msg,
        lastTransitionTime: at,
      },
      {
        type: 'Succeeded',
        status: 'Unknown',
        reason: 'RemediationStarted',
        message: msg,
        lastTransitionTime: at,
      },
    ],
  };
}

export function healthCheckStatus(now: Date): Record<string, unknown> {
  const started = daysAgo(now, 0, 6);
  const workers = fleet.length;
  return {
    phase: 'Remediating',
    reason: 'NHC is remediating 1 nodes',
    observedNodes: workers,
    healthyNodes: workers - 1,
    unhealthyNodes: [
      {
        name: brokenNode,
        remediations: [
          {
            resource: {
              apiVersion: FAR_API,
              kind: 'FenceAgentsRemediation',
              name: brokenNode,
              namespace: MEDIK8S_NAMESPACE,
            },
            started,
            templateName: 'ipmi',
          },
        ],
      },
    ],
    inFlightRemediations: { [brokenNode]: started },
    lastUpdateTime: started,
    conditions: [
      {
        type: 'Disabled',
        status: 'False',
        reason: 'NodeHealthCheckEnabled',
        message: 'No issues found, NodeHealthCheck is enabled.',
        lastTransitionTime: daysAgo(now, 40),
      },
    ],
  };
}

export async function seedFencing(c: SeedClient, now: Date): Promise<void> {
  const objs = fencingObjects();
  await c.apply(objs);
  const nhc = objs.find((o) => o.kind === 'NodeHealthCheck');
  if (nhc) await c.status(nhc, healthCheckStatus(now), { unlessSet: 'conditions' });
  const far = remediation();
  await c.apply([far]);
  // Only a fresh remediation starts "in progress"; the simulator then finishes it.
  await c.status(far, remediationStatus(now), { unlessSet: 'conditions' });
}
