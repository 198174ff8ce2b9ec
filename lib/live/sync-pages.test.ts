import { describe, expect, it } from 'vitest';

import { foldPage, type PagedList } from './sync-pages';
import { listData, type ListData } from './protocol';

const items = (...names: string[]) => names.map((name) => ({ metadata: { name, uid: name } }));
const list = (rv: string, partial: boolean, ...names: string[]): ListData => ({
  items: items(...names),
  resourceVersion: rv,
  ...(partial ? { partial: true } : {}),
});
const names = (l: ListData | undefined) => l?.items.map((o) => o.metadata?.name);

describe('foldPage', () => {
  it('shows a first list page by page', () => {
    let at: PagedList = { shown: list('5', true, 'a'), gathering: undefined }; // the server's page
    at = foldPage(at, { type: 'sync', list: list('9', true, 'a', 'b') });
    expect(names(at.shown)).toEqual(['a', 'b']);
    at = foldPage(at, { type: 'page', list: list('9', true, 'c') });
    expect(names(at.shown)).toEqual(['a', 'b', 'c']);
    expect(at.shown?.partial).toBe(true);
    at = foldPage(at, { type: 'page', list: list('9', false, 'd') });
    expect(names(at.shown)).toEqual(['a', 'b', 'c', 'd']);
    expect(at.shown?.partial).toBeUndefined();
    expect(at.shown?.resourceVersion).toBe('9');
  });

  it("keeps the whole list's count from its first page while pages arrive", () => {
    const meta = (cont: string, rest?: number) => ({
      metadata: { resourceVersion: '9', continue: cont, remainingItemCount: rest },
    });
    const first = listData(meta('c1', 3), items('a', 'b'));
    expect(first).toMatchObject({ partial: true, total: 5 });
    let at: PagedList = { shown: undefined, gathering: undefined };
    at = foldPage(at, { type: 'sync', list: first });
    at = foldPage(at, { type: 'page', list: listData(meta('c2', 1), items('c', 'd')) });
    expect(at.shown?.total).toBe(5);
    at = foldPage(at, { type: 'page', list: listData(meta(''), items('e')) });
    expect(at.shown?.total).toBeUndefined();
    expect(at.shown?.partial).toBeUndefined();
    expect(names(at.shown)).toEqual(['a', 'b', 'c', 'd', 'e']);
    // A list with selectors: the API server does not count the rest.
    expect(listData(meta('c1'), items('a')).total).toBeUndefined();
  });

  it('gathers a relist of a whole list aside and swaps it in at its last page', () => {
    const whole = list('5', false, 'a', 'b', 'c');
    let at: PagedList = { shown: whole, gathering: undefined };
    at = foldPage(at, { type: 'sync', list: list('20', true, 'a') });
    expect(at.shown).toBe(whole);
    at = foldPage(at, { type: 'page', list: list('20', true, 'c') });
    expect(at.shown).toBe(whole);
    at = foldPage(at, { type: 'page', list: list('20', false, 'e') });
    expect(names(at.shown)).toEqual(['a', 'c', 'e']);
    expect(at.shown?.resourceVersion).toBe('20');
    expect(at.gathering).toBeUndefined();
  });

  it('replaces a whole list with a whole relist at once', () => {
    const at = foldPage(
      { shown: list('5', false, 'a', 'b'), gathering: undefined },
      { type: 'sync', list: list('20', false, 'b') },
    );
    expect(names(at.shown)).toEqual(['b']);
  });

  it('drops a page whose sync it has not seen', () => {
    const whole = list('5', false, 'a');
    expect(
      foldPage(
        { shown: whole, gathering: undefined },
        { type: 'page', list: list('9', false, 'z') },
      ).shown,
    ).toBe(whole);
    expect(
      foldPage(
        { shown: undefined, gathering: undefined },
        { type: 'page', list: list('9', false, 'z') },
      ).shown,
    ).toBeUndefined();
  });
});
