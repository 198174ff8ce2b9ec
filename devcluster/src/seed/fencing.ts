// Node remediation: a NodeHealthCheck over the workers, fence-agents (IPMI) and self-node
// remediation templates, and kube-fencing's pod template. The remediation for the NotReady node is
// the real node-healthcheck controller's doing.
import type { KObj } from '../simulator/kube/types.ts';
import type { SeedClient } from './client.ts';
import { fleet } from './fleet.ts';

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

/**
 * Only the configuration: medik8s's node-healthcheck controller (a devcluster component) sees the
 * NotReady node and creates its FenceAgentsRemediation from the template, and writes the
 * NodeHealthCheck's status; the simulator plays the fence agent.
 */
export async function seedFencing(c: SeedClient): Promise<void> {
  await c.apply(fencingObjects());
}
