import 'server-only';

import YAML from 'yaml';

import { msg } from '../i18n/messages';
import { recordAudit } from '../k8s/audit';
import type { KubeClient } from '../k8s/client';
import { invalid, KubeApiError, Refusal } from '../k8s/errors';
import { models } from '../k8s/models';
import { oidcOf } from './status';

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
  await recordAudit(
    { ...owner, kind: 'Cluster' },
    { reason: 'KubeconfigDownloaded', message: `Kubeconfig downloaded by ${who}` },
  );
  return Buffer.from(value, 'base64').toString('utf8');
}

/**
 * A kubeconfig that holds no secret: the cluster's address and CA, and an exec entry that signs the
 * person in with kubectl oidc-login (int128/kubelogin). Needs the cluster to trust the issuer.
 */
export async function personalKubeconfig(
  kube: KubeClient,
  namespace: string,
  cluster: string,
): Promise<string> {
  const [kcp, owner] = await Promise.all([
    kube.get(models.kamajicontrolplanes, namespace, cluster),
    kube.get(models.clusters, namespace, cluster),
  ]);
  const oidc = oidcOf(kcp);
  if (!oidc) throw new Refusal(invalid(msg('clusters.kubeconfig.noPersonal', { name: cluster })));
  const endpoint = owner.spec?.controlPlaneEndpoint;
  if (!endpoint?.host)
    throw new Refusal({
      code: 'conflict',
      status: 409,
      message: msg('clusters.kubeconfig.notYet', { name: cluster }),
    });
  const ca = await clusterCa(kube, namespace, cluster);
  const user = 'oidc';
  return YAML.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: cluster,
        cluster: {
          server: `https://${endpoint.host}:${endpoint.port ?? 6443}`,
          'certificate-authority-data': ca,
        },
      },
    ],
    contexts: [{ name: cluster, context: { cluster, user } }],
    'current-context': cluster,
    users: [
      {
        name: user,
        user: {
          exec: {
            apiVersion: 'client.authentication.k8s.io/v1',
            command: 'kubectl',
            args: [
              'oidc-login',
              'get-token',
              `--oidc-issuer-url=${oidc.issuer}`,
              `--oidc-client-id=${oidc.clientId}`,
              '--oidc-extra-scope=email',
              '--oidc-extra-scope=groups',
            ],
            interactiveMode: 'IfAvailable',
            provideClusterInfo: false,
          },
        },
      },
    ],
  });
}

/**
 * The cluster's CA certificate, taken from its kubeconfig Secret as the person. Only the public
 * certificate leaves; the Secret's credentials are dropped here. Viewers may not read the Secret,
 * so they get a sentence saying whom to ask (the file itself can be shared: it holds no secret).
 */
async function clusterCa(kube: KubeClient, namespace: string, cluster: string): Promise<string> {
  let secret;
  try {
    secret = await kube.get(models.secrets, namespace, kubeconfigSecretName(cluster));
  } catch (e) {
    if (e instanceof KubeApiError && e.status === 403)
      throw new Refusal({
        code: 'forbidden',
        status: 403,
        message: msg('clusters.kubeconfig.caForbidden', { name: cluster }),
      });
    if (e instanceof KubeApiError && e.status === 404)
      throw new Refusal({
        code: 'conflict',
        status: 409,
        message: msg('clusters.kubeconfig.notYet', { name: cluster }),
      });
    throw e;
  }
  const text = Buffer.from(secret.data?.value ?? '', 'base64').toString('utf8');
  const config: unknown = YAML.parse(text);
  const ca = caOf(config);
  if (!ca) throw new Error('kubeconfig secret has no certificate-authority-data');
  return ca;
}

function caOf(config: unknown): string | undefined {
  if (!config || typeof config !== 'object' || !('clusters' in config)) return undefined;
  const clusters = config.clusters;
  if (!Array.isArray(clusters)) return undefined;
  const first: unknown = clusters[0];
  if (!first || typeof first !== 'object' || !('cluster' in first)) return undefined;
  const c = first.cluster;
  if (!c || typeof c !== 'object' || !('certificate-authority-data' in c)) return undefined;
  const ca = c['certificate-authority-data'];
  return typeof ca === 'string' ? ca : undefined;
}
