// Folding a paged list (a sync, then pages) into the tab's cache. The first list of a page shows
// as its pages arrive; a relist of a list the tab already holds whole (after a 410, or a new
// stream) is gathered aside and swapped in with its last page, so the rows never shrink meanwhile.
import type { ListData } from './protocol';

export interface PagedList {
  /** What the cache holds (and the page shows). */
  shown: ListData | undefined;
  /** A relist's pages so far, not shown yet. */
  gathering: ListData | undefined;
}

// The whole list's count is the first page's (a later page's counts only what follows it).
function append(list: ListData, page: ListData): ListData {
  return {
    items: [...list.items, ...page.items],
    resourceVersion: page.resourceVersion,
    ...(page.partial ? { partial: true } : {}),
    ...(page.partial && list.total !== undefined ? { total: list.total } : {}),
  };
}

export function foldPage(at: PagedList, msg: { type: 'sync' | 'page'; list: ListData }): PagedList {
  if (msg.type === 'sync') {
    const whole = at.shown !== undefined && !at.shown.partial;
    return whole && msg.list.partial
      ? { shown: at.shown, gathering: msg.list }
      : { shown: msg.list, gathering: undefined };
  }
  if (at.gathering) {
    const next = append(at.gathering, msg.list);
    return next.partial
      ? { shown: at.shown, gathering: next }
      : { shown: next, gathering: undefined };
  }
  // A page without its sync (the list was dropped meanwhile) would show a list missing its start.
  if (!at.shown?.partial) return at;
  return { shown: append(at.shown, msg.list), gathering: undefined };
}
