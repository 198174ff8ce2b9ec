// A sliding-window limit per key (a person, a client address), in this replica's memory: N replicas
// allow N times the limit, which is fine for slowing down scripted downloads and sign-in storms.
export function rateLimiter({ limit, windowMs, maxKeys = 10_000 }) {
  const hits = new Map();
  return {
    /** Counts one hit; `ok: false` with the seconds until the oldest hit leaves the window. */
    take(key, now = Date.now()) {
      const recent = (hits.get(key) ?? []).filter((t) => t > now - windowMs);
      if (recent.length >= limit) {
        hits.set(key, recent);
        return {
          ok: false,
          retryAfterS: Math.max(1, Math.ceil((recent[0] + windowMs - now) / 1000)),
        };
      }
      recent.push(now);
      hits.delete(key);
      hits.set(key, recent);
      // Oldest keys first in a Map: drop them when the table grows past its bound.
      while (hits.size > maxKeys) hits.delete(hits.keys().next().value);
      return { ok: true, retryAfterS: 0 };
    },
  };
}
