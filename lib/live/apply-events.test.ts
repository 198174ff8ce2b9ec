import { describe, expect, it } from 'vitest';

import { applyEvents } from './apply-events';

const obj = (uid: string, name: string, rv: string, extra: object = {}) => ({
  metadata: { uid, name, namespace: 'ns', resourceVersion: rv },
  ...extra,
});

describe('applyEvents', () => {
  it('adds, modifies and deletes by uid', () => {
    let list = applyEvents({ items: [obj('1', 'a', '10')], resourceVersion: '10' }, [
      { key: 'k', type: 'ADDED', object: obj('2', 'b', '11') },
      { key: 'k', type: 'MODIFIED', object: obj('1', 'a', '12', { status: { phase: 'Running' } }) },
    ]);
    expect(list.items).toHaveLength(2);
    expect(list.items.find((o) => o.metadata?.uid === '1')?.status).toEqual({ phase: 'Running' });
    expect(list.resourceVersion).toBe('12');
    list = applyEvents(list, [{ key: 'k', type: 'DELETED', object: obj('2', 'b', '13') }]);
    expect(list.items.map((o) => o.metadata?.name)).toEqual(['a']);
  });

  it('treats a recreated name as a new object', () => {
    const list = applyEvents({ items: [obj('1', 'a', '1')], resourceVersion: '1' }, [
      { key: 'k', type: 'DELETED', object: obj('1', 'a', '2') },
      { key: 'k', type: 'ADDED', object: obj('9', 'a', '3') },
    ]);
    expect(list.items.map((o) => o.metadata?.uid)).toEqual(['9']);
  });

  it('starts from nothing', () => {
    expect(
      applyEvents(undefined, [{ key: 'k', type: 'ADDED', object: obj('1', 'a', '5') }]).items,
    ).toHaveLength(1);
  });
});
