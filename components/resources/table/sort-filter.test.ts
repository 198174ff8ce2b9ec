import { describe, expect, it } from 'vitest';

import {
  compareSortValues,
  filterRows,
  warmFilterIndex,
  normalizeFilter,
  resolveInitialSort,
  shouldVirtualize,
  VIRTUALIZE_ABOVE,
  type RowColumn,
} from './rows';

interface Vm {
  name: string;
  phase?: string;
  cpu?: number;
}

const vms: Vm[] = [
  { name: 'web-1', phase: 'Running', cpu: 2 },
  { name: 'db-1', phase: 'Stopped', cpu: 8 },
  { name: 'Web-Proxy', cpu: 1 },
];

const columns: RowColumn<Vm>[] = [
  { id: 'name', sortValue: (v) => v.name, filterValue: (v) => v.name },
  { id: 'phase', filterValue: (v) => v.phase },
  { id: 'cpu', sortValue: (v) => v.cpu },
];

describe('filterRows', () => {
  it('returns the same rows when the filter is blank', () => {
    expect(filterRows(vms, columns, '')).toBe(vms);
    expect(filterRows(vms, columns, '   ')).toBe(vms);
  });

  it('matches a substring case-insensitively in any filterable column', () => {
    expect(filterRows(vms, columns, 'WEB').map((v) => v.name)).toEqual(['web-1', 'Web-Proxy']);
    expect(filterRows(vms, columns, 'stop').map((v) => v.name)).toEqual(['db-1']);
    expect(filterRows(vms, columns, '  proxy ').map((v) => v.name)).toEqual(['Web-Proxy']);
  });

  it('with an index, reads each row once and a replaced row again', () => {
    let reads = 0;
    const counted: RowColumn<Vm>[] = [{ id: 'name', filterValue: (v) => (reads++, v.name) }];
    const index = new WeakMap<object, string>();
    const rows = vms.map((v) => ({ ...v }));
    expect(filterRows(rows, counted, 'web', index)).toHaveLength(2);
    expect(filterRows(rows, counted, 'db', index).map((v) => v.name)).toEqual(['db-1']);
    expect(reads).toBe(rows.length);
    const renamed = [{ ...rows[0], name: 'cache-1' }, ...rows.slice(1)];
    expect(filterRows(renamed, counted, 'cache', index).map((v) => v.name)).toEqual(['cache-1']);
    expect(reads).toBe(rows.length + 1);
  });

  it('warms the index in slices, so filtering afterwards reads nothing', () => {
    let reads = 0;
    const counted: RowColumn<Vm>[] = [{ id: 'name', filterValue: (v) => (reads++, v.name) }];
    const index = new WeakMap<object, string>();
    const rows = vms.map((v) => ({ ...v }));
    let budget = 2;
    const at = warmFilterIndex(rows, counted, index, 0, () => budget-- > 0);
    expect(at).toBe(2);
    expect(warmFilterIndex(rows, counted, index, at, () => true)).toBe(rows.length);
    expect(reads).toBe(rows.length);
    expect(filterRows(rows, counted, 'web', index)).toHaveLength(2);
    expect(reads).toBe(rows.length);
  });

  it('ignores columns without filterValue and rows whose value is undefined', () => {
    // cpu is not searched, so "8" matches nothing.
    expect(filterRows(vms, columns, '8')).toEqual([]);
    expect(filterRows(vms, columns, 'running').map((v) => v.name)).toEqual(['web-1']);
  });

  it('matches nothing when no column is searchable', () => {
    expect(filterRows(vms, [{ id: 'cpu', sortValue: (v) => v.cpu }], 'web')).toEqual([]);
  });

  it('normalises the needle', () => {
    expect(normalizeFilter('  Foo Bar ')).toBe('foo bar');
  });
});

describe('compareSortValues', () => {
  const sort = (values: (string | number | undefined)[]) => [...values].sort(compareSortValues);

  it('orders numbers numerically', () => {
    expect(sort([10, 2, 33, -1])).toEqual([-1, 2, 10, 33]);
  });

  it('orders strings naturally and case-insensitively', () => {
    expect(sort(['node-10', 'node-2', 'Node-1'])).toEqual(['Node-1', 'node-2', 'node-10']);
    expect(compareSortValues('abc', 'ABC')).toBe(0);
  });

  it('puts numbers before strings and undefined last', () => {
    expect(sort(['b', undefined, 3, 'a', 1])).toEqual([1, 3, 'a', 'b', undefined]);
    expect(compareSortValues(undefined, undefined)).toBe(0);
  });
});

describe('resolveInitialSort', () => {
  it('defaults to the first sortable column ascending', () => {
    expect(resolveInitialSort(columns)).toEqual([{ id: 'name', desc: false }]);
    expect(resolveInitialSort(columns.slice(1))).toEqual([{ id: 'cpu', desc: false }]);
  });

  it('uses the given sort when it names a sortable column', () => {
    expect(resolveInitialSort(columns, { id: 'cpu', desc: true })).toEqual([
      { id: 'cpu', desc: true },
    ]);
    expect(resolveInitialSort(columns, { id: 'cpu' })).toEqual([{ id: 'cpu', desc: false }]);
  });

  it('falls back when the given column is unknown or not sortable', () => {
    expect(resolveInitialSort(columns, { id: 'phase', desc: true })).toEqual([
      { id: 'name', desc: false },
    ]);
    expect(resolveInitialSort(columns, { id: 'nope' })).toEqual([{ id: 'name', desc: false }]);
  });

  it('is empty when nothing is sortable', () => {
    expect(resolveInitialSort([{ id: 'phase', filterValue: (v: Vm) => v.phase }])).toEqual([]);
  });
});

describe('shouldVirtualize', () => {
  it('virtualizes only above the threshold', () => {
    expect(VIRTUALIZE_ABOVE).toBe(100);
    expect(shouldVirtualize(0)).toBe(false);
    expect(shouldVirtualize(100)).toBe(false);
    expect(shouldVirtualize(101)).toBe(true);
  });
});
