// A live stream (lib/live/hub) held as a browser tab holds it, for tests: every message it sent,
// and the names the tab would show, folded as the tab's provider folds them (sync-pages.ts, then
// events). `dropped` lists names a (re)list took off the list, not a DELETED event: a visible glitch
// unless the object was really gone.
import type { KubeIdentity } from '../k8s/identity';
import type { KubeObject } from '../k8s/types';
import { applyEvents } from '../live/apply-events';
import { openStream, type LiveStream } from '../live/hub';
import type { ListData, StreamMessage } from '../live/protocol';
import { foldPage, type PagedList } from '../live/sync-pages';

const nameOf = (o: KubeObject) => o.metadata?.name ?? '';

export function tabStream(
  identity: KubeIdentity,
  opts: { holding?: ListData; listPage?: number } = {},
): {
  stream: LiveStream;
  messages: StreamMessage[];
  shown: Set<string>;
  dropped: string[];
} {
  const messages: StreamMessage[] = [];
  let list: PagedList = { shown: opts.holding, gathering: undefined };
  const shown = new Set((opts.holding?.items ?? []).map(nameOf));
  const dropped: string[] = [];
  const stream = openStream(
    identity,
    (m) => {
      messages.push(m);
      if (m.type === 'sync' || m.type === 'page') {
        list = foldPage(list, m);
        const now = new Set((list.shown?.items ?? []).map(nameOf));
        for (const n of shown) if (!now.has(n)) dropped.push(n);
        shown.clear();
        for (const n of now) shown.add(n);
      } else if (m.type === 'events') {
        list = { ...list, shown: applyEvents(list.shown, m.events) };
        for (const e of m.events)
          if (e.type === 'DELETED') shown.delete(nameOf(e.object));
          else shown.add(nameOf(e.object));
      }
    },
    { listPage: opts.listPage },
  );
  return { stream, messages, shown, dropped };
}
