import 'server-only';

import { dehydrate, type DehydratedState } from '@tanstack/react-query';

import type { KubeClient } from '../k8s/client';
import { getQueryClient } from '../query/get-query-client';
import { queryKeys } from '../query/keys';
import { listFor } from './list';
import type { Subscription } from './protocol';

/** How much of a list that may hold thousands a page renders from its HTML. */
export const FIRST_PAGE = 100;

/**
 * Server pages prefetch the lists they show, as the user, so the first paint has data; the browser
 * then keeps them live. A list that fails here is left for the client, which shows the mapped error.
 */
export async function prefetchLists(
  kube: KubeClient,
  subs: Subscription[],
  opts: { firstPage?: number } = {},
): Promise<DehydratedState> {
  const qc = getQueryClient();
  // With `firstPage`, lists that may hold thousands render their first rows from the page itself;
  // the live stream then delivers the whole list (ListData.partial).
  await Promise.all(
    subs.map((s) =>
      qc.prefetchQuery({
        queryKey: queryKeys.list(s),
        queryFn: () => listFor(kube, s, { limit: opts.firstPage }),
      }),
    ),
  );
  return dehydrate(qc);
}
