import 'server-only';

import { kubeAsDashboard, type KubeClient } from '../k8s/client';
import { models } from '../k8s/models';

/** The Cluster API convention: Secret `<cluster>-kubeconfig`, key `value`. */
export function kubeconfigSecretName(cluster: string): string {
  return `${cluster}-kubeconfig`;
}

/**
 * Reads a cluster's kubeconfig as the person (RBAC decides), then records the download as an Event
 * on the Cluster. The record is written by the dashboard's own identity: tenants may not create
 * Events, so nobody can forge "downloaded by someone else".
 */
export async function readKubeconfig(
  kube: KubeClient,
  namespace: string,
  cluster: string,
  who: string,
): Promise<string> {
  const secret = await kube.get(models.secrets, namespace, kubeconfigSecretName(cluster));
  const value = secret.data?.value;
  if (!value) throw new Error('kubeconfig secret has no value');
  const owner = await kube.get(models.clusters, namespace, cluster);
  const now = new Date().toISOString();
  await kubeAsDashboard().create(models.events, {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { generateName: `${cluster}.kubeconfig-`, namespace },
    involvedObject: {
      apiVersion: owner.apiVersion,
      kind: 'Cluster',
      name: cluster,
      namespace,
      uid: owner.metadata?.uid,
    },
    reason: 'KubeconfigDownloaded',
    message: `Kubeconfig downloaded by ${who}`,
    type: 'Normal',
    source: { component: 'stratus-dashboard' },
    reportingComponent: 'stratus-dashboard',
    reportingInstance: 'stratus-dashboard',
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
  });
  return Buffer.from(value, 'base64').toString('utf8');
}
