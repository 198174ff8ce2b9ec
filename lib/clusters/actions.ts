'use server';

import { z } from 'zod';

import { requireKube } from '../auth/session';
import { userErrorOf } from '../http';
import type { ActionResult } from '../actions/result';
import { ChangeRefused, scaleNodeGroup, upgradeControlPlane, upgradeNodeGroups } from './change';
import { createClusterSchema, dnsLabel, fieldErrors } from './schema';
import {
  ClusterCreateError,
  clusterDeletePreview,
  createClusterObjects,
  deleteClusterObjects,
  preflight,
  supportedVersions,
  type DeletePreviewItem,
} from './server';

const namespaceSchema = z.string().min(1).max(63);

function invalid(message: string, fields?: Record<string, string>): ActionResult<never> {
  return {
    ok: false,
    error: { code: 'invalid', status: 422, message, ...(fields ? { fields } : {}) },
  };
}

/**
 * Creates a tenant cluster in `namespace` as the signed-in user. The namespace is the caller's word;
 * RBAC on the API server decides whether this person may create there.
 */
export async function createCluster(
  namespace: string,
  raw: unknown,
): Promise<ActionResult<{ name: string }>> {
  const ns = namespaceSchema.safeParse(namespace);
  const parsed = createClusterSchema.safeParse(raw);
  if (!ns.success) return invalid('Unknown tenant.');
  if (!parsed.success) return invalid('Check the highlighted fields.', fieldErrors(parsed.error));
  const input = parsed.data;
  if (!supportedVersions().includes(input.version)) {
    return invalid(`Kubernetes ${input.version} is not offered here.`, {
      version: 'Pick one of the offered versions.',
    });
  }
  try {
    const { kube } = await requireKube();
    const refused = await preflight(kube, ns.data, input);
    if (refused) return { ok: false, error: refused };
    await createClusterObjects(kube, ns.data, input);
    return { ok: true, data: { name: input.name } };
  } catch (err) {
    if (err instanceof ClusterCreateError) {
      const e = err.error;
      const message =
        e.code === 'alreadyExists'
          ? `A cluster named "${input.name}" already exists. Pick another name.`
          : e.message;
      return {
        ok: false,
        error: {
          ...e,
          message,
          ...(e.code === 'alreadyExists' ? { fields: { name: 'This name is taken.' } } : {}),
        },
      };
    }
    return {
      ok: false,
      error: userErrorOf(err, { action: 'create clusters in this tenant', kind: 'Cluster' }),
    };
  }
}

const scaleSchema = z.union([
  z.object({ replicas: z.coerce.number().int().min(0, 'At least 0.').max(50, 'At most 50.') }),
  z
    .object({
      min: z.coerce.number().int().min(0).max(50),
      max: z.coerce.number().int().min(1).max(50),
    })
    .refine((s) => s.min <= s.max, 'Minimum must not exceed maximum.'),
]);

export async function scaleClusterNodeGroup(
  namespace: string,
  machineDeployment: string,
  size: unknown,
): Promise<ActionResult> {
  const parsed = scaleSchema.safeParse(size);
  if (!parsed.success) return invalid(parsed.error.issues[0]?.message ?? 'Invalid size.');
  try {
    const { kube } = await requireKube();
    await scaleNodeGroup(kube, namespace, machineDeployment, parsed.data);
    return { ok: true, data: undefined };
  } catch (err) {
    return {
      ok: false,
      error: userErrorOf(err, {
        action: 'scale node groups in this tenant',
        kind: 'MachineDeployment',
      }),
    };
  }
}

export async function upgradeCluster(
  namespace: string,
  cluster: string,
  step: 'controlPlane' | 'nodeGroups',
  version?: string,
): Promise<ActionResult> {
  try {
    const { kube } = await requireKube();
    if (step === 'controlPlane')
      await upgradeControlPlane(kube, namespace, cluster, version ?? '', supportedVersions());
    else await upgradeNodeGroups(kube, namespace, cluster);
    return { ok: true, data: undefined };
  } catch (err) {
    if (err instanceof ChangeRefused) return invalid(err.message);
    return {
      ok: false,
      error: userErrorOf(err, { action: 'upgrade clusters in this tenant', kind: 'Cluster' }),
    };
  }
}

export async function previewClusterDelete(
  namespace: string,
  cluster: string,
): Promise<ActionResult<DeletePreviewItem[]>> {
  try {
    const { kube } = await requireKube();
    return { ok: true, data: await clusterDeletePreview(kube, namespace, cluster) };
  } catch (err) {
    return { ok: false, error: userErrorOf(err, { action: 'see this cluster', kind: 'Cluster' }) };
  }
}

export async function deleteCluster(
  namespace: string,
  cluster: string,
  typedName: string,
): Promise<ActionResult> {
  if (!dnsLabel.safeParse(cluster).success || typedName !== cluster)
    return invalid('Type the cluster name to confirm.');
  try {
    const { kube } = await requireKube();
    await deleteClusterObjects(kube, namespace, cluster);
    return { ok: true, data: undefined };
  } catch (err) {
    return {
      ok: false,
      error: userErrorOf(err, { action: 'delete clusters in this tenant', kind: 'Cluster' }),
    };
  }
}
