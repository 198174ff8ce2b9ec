'use client';

import { ResourceTable } from '@/components/resources/resource-table';
import { models, type ModelId } from '@/lib/k8s/models';
import { useLiveList } from '@/lib/live/use-live-list';

/** A cluster-wide live list for the operator console. */
export function ConsoleList({
  model: id,
  title,
  namespace,
}: {
  model: ModelId;
  title: string;
  namespace?: string;
}) {
  const model = models[id];
  const list = useLiveList({ model: id, ...(namespace ? { namespace } : {}) });
  return (
    <section className="space-y-3">
      <h1 className="text-2xl font-semibold">{title}</h1>
      {list.error ? (
        <p role="alert">{list.error.message}</p>
      ) : (
        <ResourceTable
          label={title}
          items={list.items}
          isLoading={list.isLoading}
          columns={
            model.namespaced
              ? [{ id: 'ns', header: 'Namespace', path: 'metadata.namespace' }, ...model.columns]
              : model.columns
          }
        />
      )}
    </section>
  );
}
