import 'server-only';

// Enabling and disabling a catalog add-on on an existing cluster, as the signed-in person.
import { msg } from '../i18n/messages';
import type { KubeClient } from '../k8s/client';
import { invalid, KubeApiError, Refusal } from '../k8s/errors';
import { models } from '../k8s/models';
import { ownerReference } from '../k8s/write-set';
import type { KubeObject } from '../k8s/types';
import { addonSourceReadiness } from '../platform/lookups';
import type { PlatformConfig } from '../platform/config';
import { ADDON_LABEL, addonReleaseName } from './labels';
import { addonRelease } from './addons';
import { CAPI_CLUSTER_NAME, CLUSTER_LABEL } from './labels';

const refuse = (m: ReturnType<typeof msg>) => new Refusal(invalid(m));

/** The add-on ids installed on a cluster (its labelled HelmReleases). */
export async function installedAddons(
  kube: KubeClient,
  namespace: string,
  cluster: string,
): Promise<string[]> {
  const list = await kube.list(models.helmreleases, {
    namespace,
    labelSelector: `${CLUSTER_LABEL}=${cluster},${ADDON_LABEL}`,
  });
  return list.items.map((h) => h.metadata?.labels?.[ADDON_LABEL] ?? '').filter(Boolean);
}

export async function setAddon(
  kube: KubeClient,
  platform: PlatformConfig,
  where: { namespace: string; tenant: string; cluster: string },
  id: string,
  enabled: boolean,
): Promise<void> {
  const { namespace, cluster } = where;
  const addon = platform.addons.find((a) => a.id === id);
  if (!addon) throw refuse(msg('clusters.error.unknownAddon', { names: id }));
  const installed = await installedAddons(kube, namespace, cluster);
  if (!enabled) {
    if (addon.required) throw refuse(msg('clusters.addons.required', { name: id }));
    const dependents = platform.addons.filter(
      (a) => installed.includes(a.id) && a.dependsOn.includes(id),
    );
    if (dependents.length)
      throw refuse(
        msg('clusters.addons.neededBy', {
          name: id,
          others: dependents.map((a) => a.id).join(', '),
        }),
      );
    await kube
      .delete(models.helmreleases, namespace, addonReleaseName(cluster, id))
      .catch((e: unknown) => {
        if (!(e instanceof KubeApiError && e.status === 404)) throw e;
      });
    return;
  }
  const missing = addon.dependsOn.filter((d) => !installed.includes(d));
  if (missing.length)
    throw refuse(msg('clusters.addons.needsFirst', { name: id, others: missing.join(', ') }));
  if ((await addonSourceReadiness(addon)) === 'missing')
    throw new Refusal({
      code: 'conflict',
      status: 409,
      message: msg('clusters.error.addonSourceMissing', { names: id }),
    });
  const owner = await kube.get(models.clusters, namespace, cluster);
  const labels = { [CLUSTER_LABEL]: cluster, [CAPI_CLUSTER_NAME]: cluster };
  const release: KubeObject = addonRelease(addon, where, labels);
  // Owned by the Cluster like its other parts, so it goes when the cluster goes.
  release.metadata = { ...release.metadata, ownerReferences: [ownerReference(owner)] };
  await kube.create(models.helmreleases, release).catch((e: unknown) => {
    // Enabled twice (a double click, two tabs): it is there, which is what was asked.
    if (!(e instanceof KubeApiError && e.status === 409)) throw e;
  });
}
