// What a refused call must leave as it was: every object of the models it could touch, in its
// namespace (or cluster-wide), by what a person changes — spec, labels, annotations, deletion —
// not by status, which the cluster's controllers keep writing meanwhile.
import { createHash } from 'node:crypto';

import type { KubernetesObject } from '@kubernetes/client-node';
import { expect } from '@playwright/test';

import { models, type ModelId } from '../../lib/k8s/models';
import type { Admin } from '../../lib/testing/admin';

type Loose = KubernetesObject & { spec?: unknown; data?: unknown };

function print(o: Loose): string {
  const m = o.metadata ?? {};
  const what = {
    labels: m.labels,
    annotations: m.annotations,
    deleting: !!m.deletionTimestamp,
    finalizers: m.finalizers,
    spec: o.spec,
    data: o.data,
  };
  return createHash('sha256').update(JSON.stringify(what)).digest('hex').slice(0, 16);
}

/** model/namespace/name → fingerprint, for every object of the models. */
export async function clusterState(
  admin: Admin,
  touches: ModelId[],
  namespace: string | null,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of touches) {
    const m = models[id];
    const apiVersion = m.group ? `${m.group}/${m.version}` : m.version;
    const items = await admin.list(apiVersion, m.kind, {
      ...(m.namespaced && namespace ? { namespace } : {}),
    });
    for (const o of items)
      out.set(`${id}/${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`, print(o));
  }
  return out;
}

/** What differs between two states: added, removed or changed keys. */
export function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of after) if (before.get(k) !== v) out.push(before.has(k) ? `~${k}` : `+${k}`);
  for (const k of before.keys()) if (!after.has(k)) out.push(`-${k}`);
  return out;
}

/**
 * Deletes what a call added ("+model/namespace/name" from `changes`); with `wait`, until it is gone,
 * so the next cell starts from the state the previous one found.
 */
export async function removeAdded(
  admin: Admin,
  changed: string[],
  { wait = false } = {},
): Promise<void> {
  for (const key of changed.filter((k) => k.startsWith('+'))) {
    const [id = '', namespace, name] = key.slice(1).split('/');
    const m = models[id as ModelId];
    const apiVersion = m.group ? `${m.group}/${m.version}` : m.version;
    await admin.remove({
      apiVersion,
      kind: m.kind,
      metadata: { name, ...(namespace ? { namespace } : {}) },
    });
    if (wait && name)
      await expect
        .poll(() => admin.get(apiVersion, m.kind, namespace || undefined, name), {
          timeout: 30_000,
        })
        .toBeUndefined();
  }
}
