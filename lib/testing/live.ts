// A live stream (lib/live/hub) held as a browser tab holds it, for tests: every message it sent,
// and the names the tab would show (each sync replaces them, each event changes them).
import type { KubeIdentity } from '../k8s/identity';
import { openStream, type LiveStream } from '../live/hub';
import type { StreamMessage } from '../live/protocol';

export function tabStream(identity: KubeIdentity): {
  stream: LiveStream;
  messages: StreamMessage[];
  shown: Set<string>;
} {
  const messages: StreamMessage[] = [];
  const shown = new Set<string>();
  const stream = openStream(identity, (m) => {
    messages.push(m);
    if (m.type === 'sync') {
      shown.clear();
      for (const o of m.list.items) shown.add(o.metadata?.name ?? '');
    } else if (m.type === 'events')
      for (const e of m.events)
        if (e.type === 'DELETED') shown.delete(e.object.metadata?.name ?? '');
        else shown.add(e.object.metadata?.name ?? '');
  });
  return { stream, messages, shown };
}
