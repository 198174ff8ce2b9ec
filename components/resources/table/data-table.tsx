'use client';

import {
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type Row,
  type SortingState,
} from '@tanstack/react-table';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';

import { useT } from '@/lib/i18n/client';
import type { MessageKey } from '@/lib/i18n/messages';

import {
  compareSortValues,
  filterRows,
  resolveInitialSort,
  shouldVirtualize,
  filterIndexOf,
  VIRTUALIZE_ABOVE,
  warmFilterIndex,
  type FilterIndex,
} from './rows';
import type { SortValue } from './rows';

// The virtualizer loads with the first table long enough to need it: most tables (a detail page's
// conditions, disks, snapshots) never are, so their pages' first scripts do without it.
const VirtualBody = lazy(() => import('./virtual-body').then((m) => ({ default: m.VirtualBody })));

export interface Column<T> {
  /** Also written as data-column={id} on each cell. */
  id: string;
  /** Header text is t(header). */
  header: MessageKey;
  cell: (row: T) => React.ReactNode;
  /** Sorting by this column (click the header; aria-sort on the th). Omit = not sortable. */
  sortValue?: (row: T) => string | number | undefined;
  /** Text the filter box matches (case-insensitive, substring). Omit = the column is not searched. */
  filterValue?: (row: T) => string | undefined;
  /** Added to the column's <th> and every <td>. */
  className?: string;
}

export interface DataTableProps<T> {
  /** aria-label of the <table>, and used for the filter box's accessible name. */
  label: string;
  rows: T[];
  columns: Column<T>[];
  /** React key. */
  rowKey: (row: T) => string;
  /** Written as data-name on the <tr>. */
  rowName: (row: T) => string;
  /** data-testid of each <tr>; default 'resource-row'. */
  rowTestId?: string;
  /** Shows <TableSkeleton/>. */
  isLoading?: boolean;
  /** The rows are the first pages of a longer list still arriving: says so beside the filter. */
  partial?: boolean;
  /** Default t('common.empty'). */
  empty?: React.ReactNode;
  /** Initial sort: column id and direction; default = the first sortable column; null = as given. */
  initialSort?: { id: string; desc?: boolean } | null;
  /** Show a text filter above the table (default true when any column has filterValue). */
  filterable?: boolean;
}

const cx = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join(' ');

/** The one table every list renders through: declarative columns, sortable headers, a filter box. */
export function DataTable<T>({
  label,
  rows,
  columns,
  rowKey,
  rowName,
  rowTestId = 'resource-row',
  isLoading,
  partial,
  empty,
  initialSort,
  filterable,
}: DataTableProps<T>): React.ReactNode {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [filter, setFilter] = useState('');
  const [sorting, setSorting] = useState<SortingState>(() =>
    resolveInitialSort(columns, initialSort),
  );
  const showFilter = filterable ?? columns.some((c) => c.filterValue);
  const searchIndex = filterIndexOf(columns);
  const data = useMemo(
    () => (showFilter ? filterRows(rows, columns, filter, searchIndex) : rows),
    [rows, columns, filter, showFilter, searchIndex],
  );
  useWarmFilterIndex(showFilter, rows, columns, searchIndex);
  const defs = useMemo(
    () =>
      columns.map((c): ColumnDef<T> => ({
        id: c.id,
        accessorFn: (row) => c.sortValue?.(row),
        enableSorting: Boolean(c.sortValue),
        sortingFn: (a, b, id) =>
          compareSortValues(a.getValue<SortValue>(id), b.getValue<SortValue>(id)),
        sortUndefined: 'last',
      })),
    [columns],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- the table is meant to re-render us
  const table = useReactTable({
    data,
    columns: defs,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: (row) => rowKey(row),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    enableMultiSort: false,
    enableSortingRemoval: false,
    sortDescFirst: false,
  });

  if (isLoading) return <TableSkeleton />;
  if (!rows.length) return <EmptyBox>{empty ?? t('common.empty')}</EmptyBox>;

  const sorted = table.getRowModel().rows;
  const virtual = shouldVirtualize(sorted.length);
  const filtered = showFilter && data.length !== rows.length;

  const renderRow = (
    row: Row<T>,
    index?: number,
    measure?: (el: HTMLTableRowElement | null) => void,
  ) => (
    <tr
      key={row.id}
      ref={measure}
      data-index={index}
      data-testid={rowTestId}
      data-name={rowName(row.original)}
      className="border-b border-slate-100 last:border-0 dark:border-slate-800"
    >
      {columns.map((c) => (
        <td
          key={c.id}
          data-column={c.id}
          className={cx('px-4 py-2 text-slate-700 dark:text-slate-300', c.className)}
        >
          {c.cell(row.original)}
        </td>
      ))}
    </tr>
  );

  return (
    <div
      className="space-y-3"
      data-testid="data-table"
      data-total={rows.length}
      data-partial={partial || undefined}
    >
      {showFilter && (
        <div className="flex items-center gap-3">
          <input
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            aria-label={t('table.filter', { what: label })}
            placeholder={t('table.filterPlaceholder')}
            className="w-full max-w-xs rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950"
          />
          <span aria-live="polite" className="text-xs text-slate-500">
            {partial
              ? t('table.loadingMore', { count: rows.length })
              : filtered && t('table.count', { shown: data.length, total: rows.length })}
          </span>
        </div>
      )}
      {!sorted.length ? (
        <EmptyBox>{t('table.noMatch')}</EmptyBox>
      ) : (
        <div
          ref={scrollRef}
          className={cx(
            'overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900',
            virtual && 'max-h-[70vh] overflow-y-auto',
          )}
        >
          <table className="w-full text-left text-sm" aria-label={label}>
            <thead
              className={cx(
                'border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-500 uppercase dark:border-slate-800',
                virtual ? 'sticky top-0 z-10 dark:bg-slate-900' : 'dark:bg-slate-900/60',
              )}
            >
              <tr>
                {columns.map((c) => {
                  const col = table.getColumn(c.id);
                  const dir = col?.getIsSorted();
                  if (!col?.getCanSort()) {
                    return (
                      <th key={c.id} scope="col" className={cx('px-4 py-2', c.className)}>
                        {t(c.header)}
                      </th>
                    );
                  }
                  return (
                    <th
                      key={c.id}
                      scope="col"
                      className={cx('px-4 py-2', c.className)}
                      aria-sort={
                        dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'
                      }
                    >
                      <button
                        type="button"
                        onClick={() => col.toggleSorting(dir === 'asc')}
                        className="inline-flex items-center gap-1 tracking-wide uppercase hover:text-slate-900 dark:hover:text-slate-100"
                      >
                        {t(c.header)}
                        <span aria-hidden="true" className={dir ? '' : 'opacity-30'}>
                          {dir === 'desc' ? '▼' : '▲'}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            </thead>
            {virtual ? (
              <Suspense
                fallback={
                  <tbody>{sorted.slice(0, VIRTUALIZE_ABOVE).map((row) => renderRow(row))}</tbody>
                }
              >
                <VirtualBody
                  count={sorted.length}
                  scrollRef={scrollRef}
                  colSpan={columns.length}
                  renderRow={(i, measure) => {
                    const row = sorted[i];
                    return row ? renderRow(row, i, measure) : null;
                  }}
                />
              </Suspense>
            ) : (
              <tbody>{sorted.map((row) => renderRow(row))}</tbody>
            )}
          </table>
        </div>
      )}
    </div>
  );
}

function EmptyBox({ children }: { children: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-10 text-center text-sm text-slate-500 dark:border-slate-700">
      {children}
    </div>
  );
}

/** Pulsing placeholder rows while a list loads. */
export function TableSkeleton({ rows = 4 }: { rows?: number }): React.ReactNode {
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

/** Builds the filter's index in idle time, a slice per idle callback, whenever the rows change. */
function useWarmFilterIndex<T>(
  enabled: boolean,
  rows: T[],
  columns: Column<T>[],
  index: FilterIndex,
): void {
  useEffect(() => {
    if (!enabled || !rows.length || typeof requestIdleCallback !== 'function') return;
    let at = 0;
    let handle = 0;
    const step = (deadline: IdleDeadline) => {
      at = warmFilterIndex(rows, columns, index, at, () => deadline.timeRemaining() > 1);
      if (at < rows.length) handle = requestIdleCallback(step);
    };
    handle = requestIdleCallback(step);
    return () => cancelIdleCallback(handle);
  }, [enabled, rows, columns, index]);
}
