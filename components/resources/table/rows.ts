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

/**
 * Each row's searchable text, lower-cased, kept per row object. A live update replaces only the
 * objects it changes, so a keystroke over 20,000 rows compares strings instead of formatting them.
 */
export type FilterIndex = WeakMap<object, string>;

const indexes = new WeakMap<object, FilterIndex>();

/** The index for one set of columns (other columns may read the same rows differently). */
export function filterIndexOf(columns: object): FilterIndex {
  let index = indexes.get(columns);
  if (!index) indexes.set(columns, (index = new WeakMap()));
  return index;
}

function searchText<T>(columns: RowColumn<T>[]): (row: T) => string {
  const getters = columns.flatMap((c) => (c.filterValue ? [c.filterValue] : []));
  // Joined by a newline, which a one-line filter box cannot type: no match spans two columns.
  return (row) =>
    getters
      .map((get) => get(row) ?? '')
      .join('\n')
      .toLocaleLowerCase();
}

/** A row's search text: from the index when there, else read (and kept, for an object row). */
function indexedText<T>(row: T, read: (row: T) => string, index?: FilterIndex): string {
  if (!index || typeof row !== 'object' || row === null) return read(row);
  let s = index.get(row);
  if (s === undefined) index.set(row, (s = read(row)));
  return s;
}

/** Rows where some column's `filterValue` contains `text` (case-insensitive); all rows when blank. */
export function filterRows<T>(
  rows: T[],
  columns: RowColumn<T>[],
  text: string,
  index?: FilterIndex,
): T[] {
  const needle = normalizeFilter(text);
  if (!needle) return rows;
  const read = searchText(columns);
  return rows.filter((row) => indexedText(row, read, index).includes(needle));
}

/**
 * Fills the index for rows not yet in it, from `start`, while `more()` holds (an idle callback's
 * time left); returns where it stopped (rows.length when done). So the first keystroke is as fast
 * as the next.
 */
export function warmFilterIndex<T>(
  rows: T[],
  columns: RowColumn<T>[],
  index: FilterIndex,
  start: number,
  more: () => boolean,
): number {
  const read = searchText(columns);
  let i = start;
  for (; i < rows.length && more(); i++) {
    const row = rows[i];
    if (typeof row === 'object' && row !== null) indexedText(row, read, index);
  }
  return i;
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
  return naturalOrder.compare(a, b);
}

// One collator for every comparison: localeCompare with options builds one per call, which made
// sorting 20,000 rows take seconds (most of the list's render time as its pages arrived).
const naturalOrder = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

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
