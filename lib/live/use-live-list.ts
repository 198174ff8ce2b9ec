'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';

import { useLive } from '@/components/live/live-provider';
import type { KubeObject } from '../k8s/types';
import type { UserError } from '../k8s/errors';
import { fetchList, ListError } from './fetch-list';
import type { ListData, Subscription } from './protocol';
import { queryKeys } from '../query/keys';

export interface LiveList<T extends KubeObject> {
  items: T[];
  isLoading: boolean;
  error: UserError | undefined;
}

/** A list that stays current: prefetched or fetched once, then kept live by the tab's stream. */
export function useLiveList<T extends KubeObject = KubeObject>(
  sub: Subscription,
  enabled = true,
): LiveList<T> {
  const live = useLive();
  const { model, namespace, labelSelector, fieldSelector } = sub;
  const q = useQuery<ListData, ListError>({
    queryKey: queryKeys.list(sub),
    queryFn: () => fetchList(sub),
    enabled,
  });
  useEffect(() => {
    if (!enabled) return;
    return live.subscribe({ model, namespace, labelSelector, fieldSelector });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the subscription is its fields
  }, [enabled, live.subscribe, model, namespace, labelSelector, fieldSelector]);
  return {
    items: (q.data?.items ?? []) as T[],
    isLoading: q.isLoading,
    error: live.errorOf(sub) ?? q.error?.error,
  };
}

/** One object, live: a list narrowed to its name. */
export function useLiveObject<T extends KubeObject = KubeObject>(
  sub: Omit<Subscription, 'fieldSelector'> & { name: string },
): { object: T | undefined; isLoading: boolean; error: UserError | undefined } {
  const { name, ...rest } = sub;
  const list = useLiveList<T>({ ...rest, fieldSelector: `metadata.name=${name}` });
  return { object: list.items[0], isLoading: list.isLoading, error: list.error };
}
