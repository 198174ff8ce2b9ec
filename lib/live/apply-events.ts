// The pure reducer that folds watch events into a cached list. resourceVersion is opaque: objects are
// matched by uid, and the newest event simply wins (the API server delivers them in order).
import type { KubeObject } from '../k8s/types';
import type { ListData, LiveEvent } from './protocol';

function identity(o: KubeObject): string {
  return o.metadata?.uid ?? `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
}

export function applyEvents(list: ListData | undefined, events: LiveEvent[]): ListData {
  const byId = new Map((list?.items ?? []).map((o) => [identity(o), o]));
  let rv = list?.resourceVersion ?? '';
  for (const e of events) {
    const id = identity(e.object);
    if (e.type === 'DELETED') byId.delete(id);
    else byId.set(id, e.object);
    rv = e.object.metadata?.resourceVersion ?? rv;
  }
  return { items: [...byId.values()], resourceVersion: rv };
}
