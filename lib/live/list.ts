import 'server-only';

import type { KubeClient } from '../k8s/client';
import { models } from '../k8s/models';
import { projectionOf } from './projections';
import { listData, type ListData, type Subscription } from './protocol';

/** One list, as the user: the first page of every live list (server prefetch and the list route). */
export async function listFor(
  kube: KubeClient,
  s: Subscription,
  opts: { limit?: number } = {},
): Promise<ListData> {
  const list = await kube.list(models[s.model], {
    namespace: s.namespace,
    labelSelector: s.labelSelector,
    fieldSelector: s.fieldSelector,
    limit: opts.limit,
  });
  const project = projectionOf(s);
  return listData(list, project ? list.items.map(project) : list.items);
}
