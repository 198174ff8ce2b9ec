// Pure row logic behind DataTable: filtering, value comparison and the initial sort.

/** Rows above this count (after filtering) are virtualized; at or below it every row renders. */
export const VIRTUALIZE_ABOVE = 100;

export type SortValue = string | number | undefined;

/** The parts of a column the pure helpers need (structurally a subset of `Column<T>`). */
export interface RowColumn<T> {
  id: string;
  sortValue?: (row: T) => SortValue;
  filterValue?: (row: T) => string | undefined;
}

export function shouldVirtualize(count: number): boolean {
  return count > VIRTUALIZE_ABOVE;
}

/** The normalised needle, or '' when the filter is blank. */
export function normalizeFilter(text: string): string {
  return text.trim().toLocaleLowerCase();
}

/** Rows where some column's `filterValue` contains `text` (case-insensitive); all rows when blank. */
export function filterRows<T>(rows: T[], columns: RowColumn<T>[], text: string): T[] {
  const needle = normalizeFilter(text);
  if (!needle) return rows;
  const getters = columns.flatMap((c) => (c.filterValue ? [c.filterValue] : []));
  return rows.filter((row) =>
    getters.some((get) => get(row)?.toLocaleLowerCase().includes(needle) ?? false),
  );
}

/**
 * Ascending order of two sort values: numbers numerically, strings naturally ("node-2" < "node-10"),
 * numbers before strings, `undefined` last.
 */
export function compareSortValues(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
}

/** The starting sort: `initial` when it names a sortable column, else the first sortable column ascending. */
export function resolveInitialSort<T>(
  columns: RowColumn<T>[],
  initial?: { id: string; desc?: boolean } | null,
): { id: string; desc: boolean }[] {
  // null: keep the order the rows come in.
  if (initial === null) return [];
  if (initial && columns.some((c) => c.id === initial.id && c.sortValue)) {
    return [{ id: initial.id, desc: initial.desc ?? false }];
  }
  const first = columns.find((c) => c.sortValue);
  return first ? [{ id: first.id, desc: false }] : [];
}
