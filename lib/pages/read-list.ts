import 'server-only';

import { msg } from '../i18n/messages';
import type { KubeClient } from '../k8s/client';
import { problemOf, type Problem } from '../k8s/errors';
import { models, type ModelId, type ObjectOf } from '../k8s/models';

/** A list a form offers (classes, sizes, OS profiles), read as the person, or why it can't be. */
export async function readList<Id extends ModelId, R>(
  kube: KubeClient,
  id: Id,
  pick: (items: ObjectOf<Id>[]) => R,
): Promise<{ ok: true; value: R } | { ok: false; problem: Problem }> {
  const m = models[id];
  try {
    return { ok: true, value: pick((await kube.list(m)).items) };
  } catch (e) {
    const kinds = { key: m.labelPlural, lower: true } as const;
    return { ok: false, problem: problemOf(e, { action: msg('action.see', { kinds }) }) };
  }
}
