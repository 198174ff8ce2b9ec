// Add-ons: Flux HelmReleases in the tenant's namespace that install charts from the operator's
// catalog into the tenant cluster through its kubeconfig Secret. Pure.
import { apiVersionOf, models } from '../k8s/models';
import type { KubeObject } from '../k8s/types';
import { type AddonSpec, type PlatformConfig } from '../platform/config';
import { fillPattern } from '../platform/pattern';
import { ADDON_LABEL, addonReleaseName } from './labels';

export interface AddonChoice {
  addons: string[];
  personalAccess: boolean;
}

export type AddonResolution = { ok: true; addons: AddonSpec[] } | { ok: false; unknown: string[] };

/**
 * The add-ons a cluster gets: the required ones, the chosen ones, the access add-on when personal
 * access is on, and whatever those depend on — in catalog order, so dependencies come first.
 */
export function resolveAddons(platform: PlatformConfig, choice: AddonChoice): AddonResolution {
  const byId = new Map(platform.addons.map((a) => [a.id, a]));
  const unknown = choice.addons.filter((id) => !byId.has(id));
  if (unknown.length) return { ok: false, unknown };
  const want = new Set([
    ...platform.addons.filter((a) => a.required).map((a) => a.id),
    ...choice.addons,
    ...(choice.personalAccess && platform.tenantOidc ? [platform.tenantOidc.accessAddon] : []),
  ]);
  const visit = (id: string) => {
    for (const d of byId.get(id)?.dependsOn ?? [])
      if (!want.has(d)) {
        want.add(d);
        visit(d);
      }
  };
  for (const id of [...want]) visit(id);
  return { ok: true, addons: platform.addons.filter((a) => want.has(a.id)) };
}

interface Where {
  namespace: string;
  tenant: string;
  cluster: string;
}

/** String values may name the cluster, its namespace and tenant. */
function fillValues(v: unknown, where: Where): unknown {
  if (typeof v === 'string') return fillPattern(v, where);
  if (Array.isArray(v)) return v.map((x) => fillValues(x, where));
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fillValues(x, where)]));
  return v;
}

export function addonRelease(
  addon: AddonSpec,
  where: Where,
  labels: Record<string, string>,
): KubeObject {
  const { cluster, namespace } = where;
  const source = {
    kind: addon.source.kind,
    name: addon.source.name,
    namespace: addon.source.namespace,
  };
  return {
    apiVersion: apiVersionOf(models.helmreleases),
    kind: 'HelmRelease',
    metadata: {
      name: addonReleaseName(cluster, addon.id),
      namespace,
      labels: { ...labels, [ADDON_LABEL]: addon.id },
    },
    spec: {
      interval: '10m',
      releaseName: addon.id,
      targetNamespace: addon.targetNamespace,
      storageNamespace: addon.targetNamespace,
      // An OCIRepository holds one chart at one version; a HelmRepository is an index to pick from.
      ...(addon.source.kind === 'OCIRepository'
        ? { chartRef: source }
        : {
            chart: {
              spec: {
                chart: addon.chart,
                version: addon.version,
                sourceRef: source,
                interval: '1h',
              },
            },
          }),
      install: { createNamespace: true, remediation: { retries: 3 } },
      upgrade: { remediation: { retries: 3, remediateLastFailure: true } },
      // The Cluster API kubeconfig Secret of the tenant cluster: the release installs there.
      kubeConfig: { secretRef: { name: `${cluster}-kubeconfig`, key: 'value' } },
      ...(addon.dependsOn.length
        ? { dependsOn: addon.dependsOn.map((d) => ({ name: addonReleaseName(cluster, d) })) }
        : {}),
      values: fillValues(addon.values, where),
    },
  };
}
