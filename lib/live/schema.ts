// What the live and list routes accept from a browser (lib/live/protocol.ts describes the shapes).
// Server-side: pages do not carry the schema library for it.
import { z } from 'zod';

import { isModelId, type ModelId } from '../k8s/models';
import { namespaceName } from '../k8s/names';
import { liveModels } from './protocol';

export const subscriptionSchema = z.object({
  model: z.custom<ModelId>(
    (v) => typeof v === 'string' && isModelId(v) && liveModels.has(v),
    'unknown resource model',
  ),
  namespace: namespaceName.optional(),
  labelSelector: z.string().max(1024).optional(),
  fieldSelector: z.string().max(1024).optional(),
  view: z.enum(['rows', 'names']).optional(),
});

/** A subscription as the tab sends it: with the resourceVersion its cached list is at, if any. */
export const liveSubscriptionSchema = subscriptionSchema.extend({
  resourceVersion: z
    .string()
    .regex(/^\d{1,20}$/)
    .optional(),
});

export const subscriptionsRequestSchema = z.object({
  // A replica-signed id is ~110 characters (lib/live/replicas.ts).
  streamId: z.string().min(1).max(256),
  subscriptions: z.array(liveSubscriptionSchema).max(64),
});
