// The events about one object, as a live list. Pure.
import type { Subscription } from '../live/protocol';
import type { EventObject } from './objects';

export function eventsAbout(namespace: string, kind: string, name: string): Subscription<'events'> {
  return {
    model: 'events',
    namespace,
    fieldSelector: `involvedObject.kind=${kind},involvedObject.name=${name}`,
  };
}

export function eventTime(e: EventObject): string {
  return e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? '';
}
