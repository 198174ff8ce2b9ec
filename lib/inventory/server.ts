import 'server-only';

import type { Viewer } from '../auth/session';
import { msg } from '../i18n/messages';
import { canI } from '../k8s/access';
import { recordAudit } from '../k8s/audit';
import type { KubeClient } from '../k8s/client';
import { Refusal } from '../k8s/errors';
import { models } from '../k8s/models';
import type { KubeList } from '../k8s/types';
import { requestsByNode, type PodLike } from './requests';
import type { NodeRequests } from './rows';

export const REBOOT_ANNOTATION = 'reboot.metal3.io';

/** Pod requests per node, read as the person (operators may list pods; others get nothing). */
export async function nodeRequests(kube: KubeClient): Promise<NodeRequests> {
  const pods = await kube.request<KubeList<PodLike>>('GET', '/api/v1/pods', {
    query: { fieldSelector: 'status.phase!=Succeeded,status.phase!=Failed' },
  });
  return requestsByNode(pods.items);
}

export type PowerOp = 'on' | 'off' | 'reboot';

/**
 * Power a BareMetalHost on or off (spec.online) or reboot it (the reboot.metal3.io annotation),
 * as the person. An access review asks first, so a refusal names the action rather than failing
 * half-way; the API server still decides the patch itself.
 */
export async function powerHost(
  kube: KubeClient,
  viewer: Viewer,
  namespace: string,
  name: string,
  op: PowerOp,
): Promise<void> {
  const [allowed] = await canI(kube, [
    { verb: 'patch', model: models.baremetalhosts, namespace, name },
  ]);
  if (!allowed)
    throw new Refusal({
      code: 'forbidden',
      status: 403,
      message: msg('inventory.error.forbidden', { name }),
    });
  const host = await kube.get(models.baremetalhosts, namespace, name);
  // baremetal-operator drops a reboot request on a powered-off host without doing anything.
  if (op === 'reboot' && host.status?.poweredOn === false)
    throw new Refusal({
      code: 'conflict',
      status: 409,
      message: msg('inventory.error.rebootOff', { name }),
    });
  const patch =
    op === 'reboot'
      ? { metadata: { annotations: { [REBOOT_ANNOTATION]: '' } } }
      : { spec: { online: op === 'on' } };
  const patched = await kube.patch(models.baremetalhosts, namespace, name, patch);
  const who = viewer.identity.username;
  await recordAudit(patched, {
    reason:
      op === 'reboot' ? 'RebootRequested' : op === 'on' ? 'PowerOnRequested' : 'PowerOffRequested',
    message: `${op === 'reboot' ? 'Reboot' : op === 'on' ? 'Power on' : 'Power off'} requested by ${who}`,
  });
}
