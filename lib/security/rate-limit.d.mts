// Types of rate-limit.mjs.
export interface RateLimiter {
  take(key: string, now?: number): { ok: boolean; retryAfterS: number };
}
export function rateLimiter(opts: {
  limit: number;
  windowMs: number;
  maxKeys?: number;
}): RateLimiter;
