// The browser ⇄ server live protocol: one server-sent event stream per tab carries every list the
// tab shows. Shared by the hub (server) and the provider (browser).
import { z } from 'zod';

import type { UserError } from '../k8s/errors';
import { isModelId, type ModelId } from '../k8s/models';
import type { KubeObject } from '../k8s/types';

export const subscriptionSchema = z.object({
  model: z.string().refine(isModelId, 'unknown resource model') as unknown as z.ZodType<ModelId>,
  namespace: z.string().max(253).optional(),
  labelSelector: z.string().max(1024).optional(),
  fieldSelector: z.string().max(1024).optional(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

export const subscriptionsRequestSchema = z.object({
  streamId: z.string().min(1).max(64),
  subscriptions: z.array(subscriptionSchema).max(64),
});

export function subscriptionKey(s: Subscription): string {
  return JSON.stringify([s.model, s.namespace ?? '', s.labelSelector ?? '', s.fieldSelector ?? '']);
}

/** What a list query holds in the cache. */
export interface ListData<T extends KubeObject = KubeObject> {
  items: T[];
  resourceVersion: string;
}

export interface LiveEvent {
  key: string;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
}

export type StreamMessage =
  | { type: 'hello'; streamId: string }
  | { type: 'sync'; key: string; list: ListData }
  | { type: 'events'; events: LiveEvent[] }
  | { type: 'error'; key: string; error: UserError }
  | { type: 'signedOut' };
