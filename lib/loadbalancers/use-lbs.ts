'use client';

import { useMemo } from 'react';

import type { UserError } from '../k8s/errors';
import { useLiveList } from '../live/use-live-list';
import { lbLists } from './live';
import { isLoadBalancer, lbSummary, type LbSummary } from './status';
import type { IpPoolObject } from './types';

/** Live load balancers (one tenant's, or all for operators) with MetalLB's refusals joined in. */
export function useLbSummaries(namespace: string | undefined): {
  summaries: LbSummary[];
  pools: IpPoolObject[];
  isLoading: boolean;
  error: UserError | undefined;
} {
  const lists = lbLists(namespace);
  const services = useLiveList(lists.services);
  const failures = useLiveList(lists.failures);
  const pools = useLiveList(lists.pools);
  const summaries = useMemo(
    () => services.items.filter(isLoadBalancer).map((s) => lbSummary(s, failures.items)),
    [services.items, failures.items],
  );
  return {
    summaries,
    pools: pools.items as IpPoolObject[],
    isLoading: services.isLoading,
    error: services.error,
  };
}
