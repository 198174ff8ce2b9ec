import 'server-only';

import { KubeApiError, toUserError, type UserError } from '../k8s/errors';
import type { KubeClient } from '../k8s/client';
import { models, type ResourceModel } from '../k8s/models';
import type { KubeObject } from '../k8s/types';
import { buildCluster, CAPI_CLUSTER_NAME, CLUSTER_LABEL } from './build';
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

const byKind: Record<string, ResourceModel> = {
  Cluster: models.clusters,
  KamajiControlPlane: models.kamajicontrolplanes,
  KubevirtCluster: models.kubevirtclusters,
  KubevirtMachineTemplate: models.kubevirtmachinetemplates,
  KubeadmConfigTemplate: models.kubeadmconfigtemplates,
  MachineDeployment: models.machinedeployments,
};

export function modelOfKind(kind: string | undefined): ResourceModel {
  const m = kind ? byKind[kind] : undefined;
  if (!m) throw new Error(`no model for kind ${kind}`);
  return m;
}

export class ClusterCreateError extends Error {
  constructor(
    readonly error: UserError,
    readonly failedObject: string,
  ) {
    super(error.message);
  }
}

/**
 * Creates every object of a tenant cluster as the user, all or nothing: a server-side dry run of each
 * first, then the Cluster (so a second submission of the same name fails before touching anything),
 * then the rest, owned by the Cluster. If any create fails, what this call created is deleted again.
 */
export async function createClusterObjects(
  kube: KubeClient,
  namespace: string,
  input: CreateClusterInput,
): Promise<KubeObject[]> {
  const { objects } = buildCluster(input, namespace);
  const label = (o: KubeObject) => `${o.kind ?? ''} ${o.metadata?.name ?? ''}`;
  const fail = (err: unknown, o: KubeObject): never => {
    const m = modelOfKind(o.kind);
    throw new ClusterCreateError(
      toUserError(err, { action: `create ${m.label.toLowerCase()}s in this tenant`, kind: o.kind }),
      label(o),
    );
  };
  await Promise.all(
    objects.map((o) =>
      kube.create(modelOfKind(o.kind), o, { dryRun: true }).catch((e: unknown) => fail(e, o)),
    ),
  );

  const [clusterObj, ...rest] = objects;
  if (!clusterObj) throw new Error('built no objects');
  const created: KubeObject[] = [];
  try {
    const cluster = await kube
      .create(models.clusters, clusterObj)
      .catch((e: unknown) => fail(e, clusterObj));
    created.push(cluster);
    const owner = {
      apiVersion: cluster.apiVersion ?? '',
      kind: 'Cluster',
      name: cluster.metadata?.name ?? '',
      uid: cluster.metadata?.uid ?? '',
    };
    const results = await Promise.allSettled(
      rest.map((o) =>
        kube
          .create(modelOfKind(o.kind), {
            ...o,
            metadata: { ...o.metadata, ownerReferences: [owner] },
          })
          .catch((e: unknown) => fail(e, o)),
      ),
    );
    for (const r of results) if (r.status === 'fulfilled') created.push(r.value);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    return created;
  } catch (err) {
    await rollback(kube, created);
    throw err;
  }
}

/** Deletes exactly the objects this request created (uid preconditions), newest first. */
async function rollback(kube: KubeClient, created: KubeObject[]): Promise<void> {
  for (const o of [...created].reverse()) {
    await kube
      .delete(modelOfKind(o.kind), o.metadata?.namespace, o.metadata?.name ?? '', {
        uid: o.metadata?.uid,
      })
      .catch((e: unknown) => {
        if (!(e instanceof KubeApiError && e.status === 404))
          console.error('[stratus] rollback failed', o.kind, o.metadata?.name, e);
      });
  }
}

export interface DeletePreviewItem {
  kind: string;
  name: string;
}

/** Everything that goes when a cluster is deleted: its labelled objects, machines and kubeconfig. */
export async function clusterDeletePreview(
  kube: KubeClient,
  namespace: string,
  name: string,
): Promise<DeletePreviewItem[]> {
  const sel = `${CLUSTER_LABEL}=${name}`;
  const lists = await Promise.all([
    ...Object.values(byKind).map((m) =>
      kube
        .list(m, { namespace, labelSelector: sel })
        .then((l) => l.items.map((o) => ({ kind: m.kind, name: o.metadata?.name ?? '' }))),
    ),
    kube
      .list(models.machines, { namespace, labelSelector: `${CAPI_CLUSTER_NAME}=${name}` })
      .then((l) => l.items.map((o) => ({ kind: 'Machine', name: o.metadata?.name ?? '' }))),
    kube
      .get(models.secrets, namespace, `${name}-kubeconfig`)
      .then((s) => [{ kind: 'Secret', name: s.metadata?.name ?? '' }])
      .catch(() => [] as DeletePreviewItem[]),
  ]);
  return lists.flat();
}

/** Deletes the Cluster and every labelled object and the kubeconfig; machines follow by ownership. */
export async function deleteClusterObjects(
  kube: KubeClient,
  namespace: string,
  name: string,
): Promise<void> {
  const items = await clusterDeletePreview(kube, namespace, name);
  const ordered = [
    ...items.filter((i) => i.kind === 'Cluster'),
    ...items.filter((i) => i.kind !== 'Cluster' && i.kind !== 'Machine'),
  ];
  for (const i of ordered) {
    const m = i.kind === 'Secret' ? models.secrets : modelOfKind(i.kind);
    await kube.delete(m, namespace, i.name).catch((e: unknown) => {
      if (!(e instanceof KubeApiError && e.status === 404)) throw e;
    });
  }
}

/**
 * Checks what the API server can't check for us before anything is created: the storage classes
 * exist, and the tenant's quota has room (the quota admission refuses too, but with less to say).
 */
export async function preflight(
  kube: KubeClient,
  namespace: string,
  input: CreateClusterInput,
): Promise<UserError | undefined> {
  const classes = await kube.list(models.storageclasses);
  const names = new Set(classes.items.map((c) => c.metadata?.name));
  const missing = input.nodeGroups.findIndex((g) => !names.has(g.storageClass));
  if (missing >= 0) {
    const g = input.nodeGroups[missing];
    return {
      code: 'invalid',
      status: 422,
      message: `Storage class "${g?.storageClass ?? ''}" does not exist.`,
      fields: { [`nodeGroups.${missing}.storageClass`]: 'This storage class does not exist.' },
    };
  }
  const quotas = await kube.list(models.resourcequotas, { namespace }).catch(() => ({ items: [] }));
  const short = quotaShortfall(quotas.items as never[], input);
  if (short.length)
    return {
      code: 'quotaExceeded',
      status: 403,
      message: `This cluster does not fit your quota. ${short.join(' ')}`,
    };
  return undefined;
}
