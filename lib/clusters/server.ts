import 'server-only';

import { joinMsgs, msg } from '../i18n/messages';
import type { KubeClient } from '../k8s/client';
import { invalid, KubeApiError, type Problem } from '../k8s/errors';
import { models } from '../k8s/models';
import type { KubeObject } from '../k8s/types';
import { createSet, deleteSet, type ObjectRef } from '../k8s/write-set';
import { serverEnv } from '../env';
import { fillPattern } from '../platform/pattern';
import { addonSourceReadiness, dataStoreExists } from '../platform/lookups';
import { platformConfig } from '../platform/server';
import { resolveAddons } from './addons';
import { CAPI_CLUSTER_NAME, CLUSTER_LABEL } from './labels';
import { buildCluster, type BuildContext } from './build';
import { kubeconfigSecretName } from './kubeconfig';
import { quotaShortfall } from './quota';
import type { CreateClusterInput } from './schema';
import { groupSize, instancetypeSizes } from './sizes';

export { supportedVersions } from '../platform/server';

export const workerImageFor = (version: string): string | undefined =>
  platformConfig().workers.images[version];

export const tenantOf = (namespace: string): string => {
  const prefix = serverEnv().STRATUS_TENANT_NAMESPACE_PREFIX;
  return namespace.startsWith(prefix) ? namespace.slice(prefix.length) : namespace;
};

/** The kinds a tenant cluster is made of, all labelled with the cluster's name. */
export const clusterParts = [
  models.clusters,
  models.kamajicontrolplanes,
  models.kubevirtclusters,
  models.kubevirtmachinetemplates,
  models.kubeadmconfigtemplates,
  models.machinedeployments,
  models.machinehealthchecks,
  models.helmreleases,
];

/**
 * What building needs beyond the form, or what in the form the platform can't satisfy: unknown
 * add-ons or presets, personal access where no issuer is configured, an unknown instancetype.
 */
export async function buildContext(
  kube: KubeClient,
  namespace: string,
  input: CreateClusterInput,
): Promise<{ ok: true; ctx: BuildContext } | { ok: false; problem: Problem }> {
  const platform = platformConfig();
  const addons = resolveAddons(platform, input);
  if (!addons.ok)
    return {
      ok: false,
      problem: invalid(msg('clusters.error.unknownAddon', { names: addons.unknown.join(', ') }), {
        addons: msg('clusters.error.pickOfferedAddon'),
      }),
    };
  if (input.personalAccess && !platform.tenantOidc)
    return {
      ok: false,
      problem: invalid(msg('clusters.error.noTenantOidc'), {
        personalAccess: msg('clusters.error.noTenantOidcField'),
      }),
    };
  if (input.controlPlanePreset && !platform.controlPlane.presets[input.controlPlanePreset])
    return {
      ok: false,
      problem: invalid(msg('clusters.error.unknownPreset', { name: input.controlPlanePreset }), {
        controlPlanePreset: msg('clusters.error.pickListed'),
      }),
    };
  const named = input.nodeGroups.some((g) => g.instancetype);
  const sizes = named
    ? instancetypeSizes((await kube.list(models.virtualmachineclusterinstancetypes)).items)
    : new Map();
  const unknown = input.nodeGroups.findIndex((g) => !groupSize(g, sizes));
  if (unknown >= 0) {
    const name = input.nodeGroups[unknown]?.instancetype ?? '';
    return {
      ok: false,
      problem: invalid(msg('clusters.error.unknownInstancetype', { name }), {
        [`nodeGroups.${unknown}.instancetype`]: msg('clusters.error.pickListed'),
      }),
    };
  }
  return {
    ok: true,
    ctx: {
      namespace,
      tenant: tenantOf(namespace),
      platform,
      addons: addons.addons,
      instancetypes: sizes,
    },
  };
}

/** Every object of a tenant cluster, all or nothing, the Cluster first and owning the rest. */
export function createClusterObjects(
  kube: KubeClient,
  input: CreateClusterInput,
  ctx: BuildContext,
): Promise<KubeObject[]> {
  return createSet(kube, buildCluster(input, ctx).objects);
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
  // The tenant cluster goes with its VMs, so uninstalling its add-ons is pointless and would hang
  // once its API server is gone: helm-controller skips the uninstall of a suspended release.
  await Promise.all(
    items
      .filter((i) => i.kind === 'HelmRelease')
      .map((i) =>
        kube
          .patch(models.helmreleases, namespace, i.name, { spec: { suspend: true } })
          .catch((e: unknown) => {
            if (!(e instanceof KubeApiError && e.status === 404)) throw e;
          }),
      ),
  );
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
  input: CreateClusterInput,
  ctx: BuildContext,
): Promise<Problem | undefined> {
  const { namespace } = ctx;
  // Kamaji refuses a control plane whose DataStore does not exist — after the objects exist.
  const store = fillPattern(ctx.platform.controlPlane.dataStoreName, {
    namespace,
    tenant: ctx.tenant,
    cluster: input.name,
  });
  // Independent lookups, at once; the answers are checked in the order a person would fix them.
  const [classes, storeExists, sources, quotas] = await Promise.all([
    kube.list(models.storageclasses),
    dataStoreExists(store),
    Promise.all(ctx.addons.map((a) => addonSourceReadiness(a))),
    kube.list(models.resourcequotas, { namespace }),
  ]);
  const names = new Set(classes.items.map((c) => c.metadata?.name));
  const missing = input.nodeGroups.findIndex((g) => !names.has(g.storageClass));
  if (missing >= 0) {
    const g = input.nodeGroups[missing];
    return invalid(msg('clusters.error.noStorageClass', { name: g?.storageClass ?? '' }), {
      [`nodeGroups.${missing}.storageClass`]: msg('clusters.error.noStorageClassField'),
    });
  }
  if (!storeExists)
    return {
      code: 'conflict',
      status: 409,
      message: msg('clusters.error.noDataStore', { name: store }),
    };
  const broken = ctx.addons.filter((_, i) => sources[i] === 'missing');
  if (broken.length)
    return {
      code: 'conflict',
      status: 409,
      message: msg('clusters.error.addonSourceMissing', {
        names: broken.map((a) => a.id).join(', '),
      }),
    };
  const short = quotaShortfall(quotas.items, input, ctx.instancetypes);
  if (short.length)
    return {
      code: 'quotaExceeded',
      status: 403,
      message: msg('clusters.error.quota', { details: joinMsgs(short) }),
    };
  return undefined;
}
