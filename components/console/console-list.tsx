'use client';

import { registryColumns, ObjectTable } from '@/components/resources/registry-columns';
import { useT } from '@/lib/i18n/client';
import { models } from '@/lib/k8s/models';
import { useLiveList } from '@/lib/live/use-live-list';
import type { ConsoleSection } from '@/lib/navigation';

/** A cluster-wide live list for the operator console. */
export function ConsoleList({ section }: { section: ConsoleSection }) {
  const t = useT();
  const model = models[section.model];
  const title = t(section.heading);
  const list = useLiveList({ model: section.model });
  return (
    <section className="space-y-3">
      <h1 className="text-2xl font-semibold">{title}</h1>
      {list.error ? (
        <p role="alert">{list.error.message}</p>
      ) : (
        <ObjectTable
          label={title}
          rows={list.items}
          columns={registryColumns(model, t, { namespace: true })}
          isLoading={list.isLoading}
        />
      )}
    </section>
  );
}
