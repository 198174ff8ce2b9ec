import { describe, expect, it } from 'vitest';

import { rateLimiter } from './rate-limit.mjs';

describe('rateLimiter', () => {
  it('allows the limit per window per key, then says when to retry', () => {
    const l = rateLimiter({ limit: 2, windowMs: 60_000 });
    expect(l.take('alice', 0).ok).toBe(true);
    expect(l.take('alice', 1_000).ok).toBe(true);
    expect(l.take('alice', 2_000)).toEqual({ ok: false, retryAfterS: 58 });
    expect(l.take('bob', 2_000).ok).toBe(true);
    expect(l.take('alice', 60_001).ok).toBe(true);
  });
  it('keeps at most maxKeys keys', () => {
    const l = rateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 2 });
    l.take('a', 0);
    l.take('b', 0);
    l.take('c', 0);
    // 'a' was dropped, so it may go again.
    expect(l.take('a', 1).ok).toBe(true);
    expect(l.take('c', 1).ok).toBe(false);
  });
});
