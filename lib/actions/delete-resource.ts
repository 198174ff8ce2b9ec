'use server';

import { z } from 'zod';

import { requireKube } from '../auth/session';
import { userErrorOf } from '../http';
import { models } from '../k8s/models';
import { portalResources } from '../tenants/portal';
import type { ActionResult } from './result';

const input = z.object({
  model: z.enum(portalResources.map((r) => r.model) as [string, ...string[]]),
  namespace: z.string().min(1).max(63),
  name: z.string().min(1).max(253),
});

/**
 * Deletes one tenant object as the signed-in user. The namespace comes from the caller, on purpose:
 * the API server's RBAC, not this code, decides whether this person may delete there.
 */
export async function deleteResource(raw: z.input<typeof input>): Promise<ActionResult> {
  const parsed = input.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      error: { code: 'invalid', status: 422, message: 'That request was not valid.' },
    };
  const { model, namespace, name } = parsed.data;
  const m = models[model as keyof typeof models];
  try {
    const { kube } = await requireKube();
    await kube.delete(m, namespace, name, { propagationPolicy: 'Foreground' });
    return { ok: true, data: undefined };
  } catch (err) {
    return {
      ok: false,
      error: userErrorOf(err, {
        action: `delete ${m.label.toLowerCase()} "${name}"`,
        kind: m.kind,
      }),
    };
  }
}
