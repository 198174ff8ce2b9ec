'use client';

import Link from 'next/link';

import {
  DataTable,
  type Column,
  type DataTableProps,
} from '@/components/resources/table/data-table';
import { columnValue } from '@/components/resources/column-value';
import { formatColumn } from '@/lib/format';
import type { Translate } from '@/lib/i18n/messages';
import type { ResourceModel } from '@/lib/k8s/models';
import type { KubeObject } from '@/lib/k8s/types';

/** The name column every list starts with, linking to the object's page when it has one. */
export function nameColumn<T extends KubeObject>(href?: (o: T) => string): Column<T> {
  const name = (o: T) => o.metadata?.name ?? '';
  return {
    id: 'name',
    header: 'common.name',
    cell: (o) =>
      href ? (
        <Link
          className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
          href={href(o)}
        >
          {name(o)}
        </Link>
      ) : (
        <span className="font-medium">{name(o)}</span>
      ),
    sortValue: name,
    filterValue: name,
  };
}

/** A model's registry columns (generic lists and the operator console), after the name. */
export function registryColumns<T extends KubeObject>(
  model: ResourceModel,
  t: Translate,
  opts: { href?: (o: T) => string; namespace?: boolean } = {},
): Column<T>[] {
  const ns: Column<T>[] =
    opts.namespace && model.namespaced
      ? [
          {
            id: 'namespace',
            header: 'column.namespace',
            cell: (o) => o.metadata?.namespace ?? '—',
            sortValue: (o) => o.metadata?.namespace,
            filterValue: (o) => o.metadata?.namespace,
          },
        ]
      : [];
  return [
    nameColumn(opts.href),
    ...ns,
    ...model.columns.map((c): Column<T> => ({
      id: c.id,
      header: c.header,
      cell: (o) => columnValue(o, c, t),
      // Ages sort by time, not by their "5m" text.
      sortValue: (o) =>
        c.format === 'age' ? (o.metadata?.creationTimestamp ?? '') : formatColumn(o, c, t),
      filterValue: c.format === 'age' ? undefined : (o) => formatColumn(o, c, t),
    })),
  ];
}

/** Row identity for Kubernetes objects: uid when known, else name. */
export const objectKey = (o: KubeObject): string => o.metadata?.uid ?? o.metadata?.name ?? '';
export const objectName = (o: KubeObject): string => o.metadata?.name ?? '';

/** The table for Kubernetes objects: rows keyed by uid and named by name. */
export function ObjectTable<T extends KubeObject>(
  props: Omit<DataTableProps<T>, 'rowKey' | 'rowName'>,
) {
  return <DataTable {...props} rowKey={objectKey} rowName={objectName} />;
}
