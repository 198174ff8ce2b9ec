import 'server-only';

import type { Viewer } from '../auth/session';
import { msg } from '../i18n/messages';
import { recordAudit } from '../k8s/audit';
import type { KubeClient } from '../k8s/client';
import { Refusal } from '../k8s/errors';
import { models } from '../k8s/models';
import { reconcilePatch, suspendPatch } from './annotations';

/** Who the audit records and the suspended-by annotation name: the person's Kubernetes username. */
export const whoOf = (viewer: Viewer) => viewer.identity.username;

/**
 * "Reconcile now", as `flux reconcile hr [--force]` does it: a merge patch of requestedAt (and
 * forceAt with the same value), as the person. Flux refuses a suspended release; so do we.
 */
export async function reconcileRelease(
  kube: KubeClient,
  viewer: Viewer,
  namespace: string,
  name: string,
  force: boolean,
): Promise<{ requestedAt: string }> {
  const hr = await kube.get(models.helmreleases, namespace, name);
  if (hr.spec?.suspend)
    throw new Refusal({
      code: 'conflict',
      status: 409,
      message: msg('releases.error.suspended', { name }),
    });
  const at = new Date().toISOString();
  const patched = await kube.patch(models.helmreleases, namespace, name, reconcilePatch(at, force));
  await recordAudit(patched, {
    reason: force ? 'ForceReconcileRequested' : 'ReconcileRequested',
    message: `${force ? 'Forced reconcile' : 'Reconcile'} requested by ${whoOf(viewer)}`,
  });
  return { requestedAt: at };
}

/** Suspend or resume, naming who suspended it (the guardrail admits only one's own name). */
export async function setReleaseSuspended(
  kube: KubeClient,
  viewer: Viewer,
  namespace: string,
  name: string,
  suspend: boolean,
): Promise<void> {
  const who = whoOf(viewer);
  const patched = await kube.patch(
    models.helmreleases,
    namespace,
    name,
    suspendPatch(suspend, who),
  );
  await recordAudit(patched, {
    reason: suspend ? 'Suspended' : 'Resumed',
    message: `${suspend ? 'Suspended' : 'Resumed'} by ${who}`,
  });
}
