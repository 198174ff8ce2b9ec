import { describe, expect, it } from 'vitest';

import { liveModels } from './protocol';
import { subscriptionSchema, subscriptionsRequestSchema } from './schema';

describe('live protocol', () => {
  it('serves the lists pages show, never Secrets', () => {
    expect(
      subscriptionSchema.safeParse({ model: 'services', namespace: 'tenant-acme' }).success,
    ).toBe(true);
    expect(
      subscriptionSchema.safeParse({ model: 'secrets', namespace: 'tenant-acme' }).success,
    ).toBe(false);
    expect(liveModels.has('secrets')).toBe(false);
    expect(subscriptionSchema.safeParse({ model: 'nope' }).success).toBe(false);
  });

  it('takes namespaces only as names, so a path cannot widen a list', () => {
    for (const namespace of ['..', '../..', 'a/b', 'Tenant', ''])
      expect(subscriptionSchema.safeParse({ model: 'services', namespace }).success).toBe(false);
  });

  it('accepts only numeric resourceVersions', () => {
    const req = (resourceVersion: string) =>
      subscriptionsRequestSchema.safeParse({
        streamId: 's',
        subscriptions: [{ model: 'services', namespace: 'tenant-acme', resourceVersion }],
      }).success;
    expect(req('12345')).toBe(true);
    expect(req('12345&watch=false')).toBe(false);
  });
});
