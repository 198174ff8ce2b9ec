'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';

import type { UserError } from '../k8s/errors';
import type { ModelId, ObjectOf } from '../k8s/models';
import { queryKeys } from '../query/keys';
import { fetchList, ListError } from './fetch-list';
import { useLive } from './live-provider';
import type { ListOf, Subscription } from './protocol';

export interface LiveList<T> {
  items: T[];
  isLoading: boolean;
  /** Only the first pages so far: the stream is still bringing the rest. */
  partial: boolean;
  /** How many items the whole list holds: its length, or while partial what the API server said. */
  total: number | undefined;
  error: UserError | undefined;
}

/**
 * A list that stays current: prefetched or fetched once, then kept live by the tab's stream.
 * Typed by its model: useLiveList({ model: 'clusters', … }).items are ClusterObjects.
 */
export function useLiveList<Id extends ModelId>(
  sub: Subscription<Id>,
  enabled = true,
): LiveList<ObjectOf<Id>> {
  const { subscribe, errorOf } = useLive();
  const { model, namespace, labelSelector, fieldSelector, view } = sub;
  const q = useQuery<ListOf<Id>, ListError>({
    queryKey: queryKeys.list(sub),
    queryFn: () => fetchList(sub),
    enabled,
  });
  useEffect(() => {
    if (!enabled) return;
    return subscribe({ model, namespace, labelSelector, fieldSelector, view });
  }, [enabled, subscribe, model, namespace, labelSelector, fieldSelector, view]);
  return {
    items: q.data?.items ?? [],
    isLoading: enabled && q.isLoading,
    partial: q.data?.partial === true,
    total: q.data?.partial ? q.data.total : q.data?.items.length,
    error: errorOf(sub) ?? q.error?.error,
  };
}

/** One object, live: a list narrowed to its name. */
export function useLiveObject<Id extends ModelId>(
  sub: Omit<Subscription<Id>, 'fieldSelector'> & { name: string },
): { object: ObjectOf<Id> | undefined; isLoading: boolean; error: UserError | undefined } {
  const { name, ...rest } = sub;
  const list = useLiveList<Id>({ ...rest, fieldSelector: `metadata.name=${name}` });
  return { object: list.items[0], isLoading: list.isLoading, error: list.error };
}
