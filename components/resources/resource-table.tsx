'use client';

import Link from 'next/link';

import { useT } from '@/lib/i18n/client';
import { age, display, pick } from '@/lib/format';
import type { DisplayColumn } from '@/lib/k8s/models';
import type { KubeObject } from '@/lib/k8s/types';

export interface ResourceTableProps<T extends KubeObject> {
  items: T[];
  columns: DisplayColumn[];
  /** Where a row's name links to. */
  href?: (o: T) => string;
  isLoading?: boolean;
  empty?: React.ReactNode;
  label: string;
  /** Header of the first column (default "Name"); `null` hides the column. */
  nameHeader?: string | null;
  /** Row order; by name unless given. */
  sortBy?: (a: T, b: T) => number;
}

/** The one table every resource list renders through: declarative columns, sorted by name. */
export function ResourceTable<T extends KubeObject>({
  items,
  columns,
  href,
  isLoading,
  empty,
  label,
  nameHeader,
  sortBy,
}: ResourceTableProps<T>) {
  const t = useT();
  if (isLoading) return <ResourceTableSkeleton />;
  if (!items.length) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 p-10 text-center text-sm text-slate-500 dark:border-slate-700">
        {empty ?? t('common.empty')}
      </div>
    );
  }
  const sorted = [...items].sort(
    sortBy ?? ((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '')),
  );
  const showName = nameHeader !== null;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-left text-sm" aria-label={label}>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-500 uppercase dark:border-slate-800 dark:bg-slate-900/60">
          <tr>
            {showName && (
              <th scope="col" className="px-4 py-2">
                {nameHeader ?? t('common.name')}
              </th>
            )}
            {columns.map((c) => (
              <th key={c.id} scope="col" className="px-4 py-2">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((o) => (
            <tr
              key={o.metadata?.uid ?? o.metadata?.name}
              data-testid="resource-row"
              data-name={o.metadata?.name}
              className="border-b border-slate-100 last:border-0 dark:border-slate-800"
            >
              {showName && (
                <td className="px-4 py-2 font-medium">
                  {href ? (
                    <Link
                      className="text-indigo-600 hover:underline dark:text-indigo-400"
                      href={href(o)}
                    >
                      {o.metadata?.name}
                    </Link>
                  ) : (
                    o.metadata?.name
                  )}
                </td>
              )}
              {columns.map((c) => (
                <td
                  key={c.id}
                  className="px-4 py-2 text-slate-700 dark:text-slate-300"
                  data-column={c.id}
                >
                  {c.format === 'age'
                    ? age(pick(o, c.path) as string | undefined)
                    : display(pick(o, c.path))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ResourceTableSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <div
      aria-busy="true"
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-6 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      ))}
    </div>
  );
}
