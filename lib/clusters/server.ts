import 'server-only';

import { joinMsgs, msg } from '../i18n/messages';
import type { KubeClient } from '../k8s/client';
import { invalid, KubeApiError, type Problem } from '../k8s/errors';
import { models } from '../k8s/models';
import type { KubeObject } from '../k8s/types';
import { createSet, deleteSet, type ObjectRef } from '../k8s/write-set';
import { buildCluster, CAPI_CLUSTER_NAME, CLUSTER_LABEL } from './build';
import { kubeconfigSecretName } from './kubeconfig';
import { quotaShortfall } from './quota';
import type { CreateClusterInput } from './schema';
import { defaultVersions } from './versions';

export function supportedVersions(): string[] {
  const env = process.env.STRATUS_KUBERNETES_VERSIONS;
  return env
    ? env
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : defaultVersions;
}

/** The kinds a tenant cluster is made of, all labelled with the cluster's name. */
export const clusterParts = [
  models.clusters,
  models.kamajicontrolplanes,
  models.kubevirtclusters,
  models.kubevirtmachinetemplates,
  models.kubeadmconfigtemplates,
  models.machinedeployments,
];

/** Every object of a tenant cluster, all or nothing, the Cluster first and owning the rest. */
export function createClusterObjects(
  kube: KubeClient,
  namespace: string,
  input: CreateClusterInput,
): Promise<KubeObject[]> {
  return createSet(kube, buildCluster(input, namespace).objects);
}

/** Everything that goes when a cluster is deleted: its labelled objects, machines and kubeconfig. */
export async function clusterDeletePreview(
  kube: KubeClient,
  namespace: string,
  name: string,
): Promise<ObjectRef[]> {
  const refs = (kind: string, items: KubeObject[]): ObjectRef[] =>
    items.map((o) => ({ kind, namespace, name: o.metadata?.name ?? '' }));
  const lists = await Promise.all([
    ...clusterParts.map((m) =>
      kube
        .list(m, { namespace, labelSelector: `${CLUSTER_LABEL}=${name}` })
        .then((l) => refs(m.kind, l.items)),
    ),
    kube
      .list(models.machines, { namespace, labelSelector: `${CAPI_CLUSTER_NAME}=${name}` })
      .then((l) => refs('Machine', l.items)),
    // Tenant admins may get their kubeconfig Secret by name, never list Secrets. The value stays
    // here: the preview carries the name only.
    kube
      .get(models.secrets, namespace, kubeconfigSecretName(name))
      .then((s) => refs('Secret', [s]))
      .catch((e: unknown) => {
        if (e instanceof KubeApiError && e.status === 404) return [];
        throw e;
      }),
  ]);
  return lists.flat();
}

/** Deletes the Cluster first, then every labelled object and the kubeconfig; machines follow it. */
export async function deleteClusterObjects(
  kube: KubeClient,
  namespace: string,
  name: string,
): Promise<void> {
  const items = await clusterDeletePreview(kube, namespace, name);
  await deleteSet(kube, [
    ...items.filter((i) => i.kind === 'Cluster'),
    ...items.filter((i) => i.kind !== 'Cluster' && i.kind !== 'Machine'),
  ]);
}

/**
 * Checks what the API server can't check for us before anything is created: the storage classes
 * exist, and the tenant's quota has room (the quota admission refuses too, but with less to say).
 */
export async function preflight(
  kube: KubeClient,
  namespace: string,
  input: CreateClusterInput,
): Promise<Problem | undefined> {
  const classes = await kube.list(models.storageclasses);
  const names = new Set(classes.items.map((c) => c.metadata?.name));
  const missing = input.nodeGroups.findIndex((g) => !names.has(g.storageClass));
  if (missing >= 0) {
    const g = input.nodeGroups[missing];
    return invalid(msg('clusters.error.noStorageClass', { name: g?.storageClass ?? '' }), {
      [`nodeGroups.${missing}.storageClass`]: msg('clusters.error.noStorageClassField'),
    });
  }
  const quotas = await kube.list(models.resourcequotas, { namespace });
  const short = quotaShortfall(quotas.items, input);
  if (short.length)
    return {
      code: 'quotaExceeded',
      status: 403,
      message: msg('clusters.error.quota', { details: joinMsgs(short) }),
    };
  return undefined;
}
