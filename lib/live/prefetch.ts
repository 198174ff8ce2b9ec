import 'server-only';

import { dehydrate, type DehydratedState } from '@tanstack/react-query';

import type { KubeClient } from '../k8s/client';
import { getQueryClient } from '../query/get-query-client';
import { queryKeys } from '../query/keys';
import { listFor } from './list';
import type { Subscription } from './protocol';

/**
 * Server pages prefetch the lists they show, as the user, so the first paint has data; the browser
 * then keeps them live. A list that fails here is left for the client, which shows the mapped error.
 */
export async function prefetchLists(
  kube: KubeClient,
  subs: Subscription[],
): Promise<DehydratedState> {
  const qc = getQueryClient();
  await Promise.all(
    subs.map((s) =>
      qc.prefetchQuery({ queryKey: queryKeys.list(s), queryFn: () => listFor(kube, s) }),
    ),
  );
  return dehydrate(qc);
}
