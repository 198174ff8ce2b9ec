import 'server-only';

import { english } from '../i18n/catalogs';
import { msg, type Msg } from '../i18n/messages';
import type { KubeClient } from '../k8s/client';
import { invalid, KubeApiError, Refusal } from '../k8s/errors';
import { models } from '../k8s/models';
import { AUTOSCALER_MAX, AUTOSCALER_MIN, CAPI_CLUSTER_NAME } from './labels';
import type { KubevirtMachineTemplateObject } from './types';
import { checkUpgrade } from './versions';

/** A change our upgrade rules refuse (not the API server). */
export class ChangeRefused extends Refusal {
  constructor(reason: Msg) {
    super(invalid(reason));
    this.message = english(reason);
  }
}

/** Sets a node group's size; for autoscaled groups, its bounds (the autoscaler owns replicas). */
export async function scaleNodeGroup(
  kube: KubeClient,
  namespace: string,
  machineDeployment: string,
  size: { replicas: number } | { min: number; max: number },
): Promise<void> {
  const patch =
    'replicas' in size
      ? { spec: { replicas: size.replicas } }
      : {
          metadata: {
            annotations: { [AUTOSCALER_MIN]: String(size.min), [AUTOSCALER_MAX]: String(size.max) },
          },
        };
  await kube.patch(models.machinedeployments, namespace, machineDeployment, patch);
}

/** Step one of an upgrade: the control plane, one minor at a time, never down. */
export async function upgradeControlPlane(
  kube: KubeClient,
  namespace: string,
  cluster: string,
  to: string,
  supported: string[],
): Promise<void> {
  // Compare-and-swap on resourceVersion; status writes by the controller can win the race, so
  // re-read and re-check a few times rather than overwrite a change we have not seen.
  for (let attempt = 0; ; attempt++) {
    const kcp = await kube.get(models.kamajicontrolplanes, namespace, cluster);
    const from = kcp.spec?.version ?? '';
    const check = checkUpgrade(from, to, supported);
    if (!check.ok) throw new ChangeRefused(check.reason);
    try {
      await kube.patch(models.kamajicontrolplanes, namespace, cluster, {
        metadata: { resourceVersion: kcp.metadata?.resourceVersion },
        spec: { version: to },
      });
      return;
    } catch (e) {
      if (!(e instanceof KubeApiError && e.status === 409) || attempt >= 4) throw e;
    }
  }
}

/**
 * Step two: node groups follow once the control plane runs the new version. Each group gets a new
 * machine template (templates are immutable; the image carries the version) and rolls to it.
 */
export async function upgradeNodeGroups(
  kube: KubeClient,
  namespace: string,
  cluster: string,
  imageFor: (version: string) => string | undefined,
): Promise<number> {
  const kcp = await kube.get(models.kamajicontrolplanes, namespace, cluster);
  const target = kcp.spec?.version;
  const running = kcp.status ?? {};
  if (!target || running.version !== target || !running.ready)
    throw new ChangeRefused(msg('clusters.upgrade.controlPlaneFirst'));
  const image = imageFor(target);
  if (!image) throw new ChangeRefused(msg('clusters.upgrade.unsupported', { to: target }));
  const mds = await kube.list(models.machinedeployments, {
    namespace,
    labelSelector: `${CAPI_CLUSTER_NAME}=${cluster}`,
  });
  let upgraded = 0;
  for (const md of mds.items) {
    const spec = md.spec;
    if (spec?.template?.spec?.version === target) continue;
    const oldName = spec?.template?.spec?.infrastructureRef?.name ?? '';
    const old = await kube.get(models.kubevirtmachinetemplates, namespace, oldName);
    const newName = `${md.metadata?.name ?? ''}-${target.replace(/\./g, '-')}`;
    await kube
      .create(models.kubevirtmachinetemplates, withImage(old, newName, image))
      .catch((e: unknown) => {
        // Already there from an earlier, interrupted upgrade: reuse it.
        if (!(e instanceof KubeApiError && e.status === 409)) throw e;
      });
    await kube.patch(models.machinedeployments, namespace, md.metadata?.name ?? '', {
      spec: { template: { spec: { version: target, infrastructureRef: { name: newName } } } },
    });
    upgraded++;
  }
  return upgraded;
}

function withImage(
  template: KubevirtMachineTemplateObject,
  name: string,
  image: string,
): KubevirtMachineTemplateObject {
  const copy = structuredClone(template);
  const meta = copy.metadata ?? {};
  copy.metadata = {
    name,
    namespace: meta.namespace,
    labels: meta.labels,
    ownerReferences: meta.ownerReferences,
  };
  const dvts = copy.spec?.template?.spec?.virtualMachineTemplate?.spec?.dataVolumeTemplates;
  for (const d of dvts ?? []) if (d.spec?.source?.registry) d.spec.source.registry.url = image;
  return copy;
}
