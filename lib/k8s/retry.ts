// Retrying what must not be given up on at the first failure (a rollback's deletes): an API server
// that drops out for a few seconds, sheds load (429) or fails (5xx) is asked again, with backoff,
// until a deadline. A refusal (4xx) is final at once.
import { KubeApiError, KubeTransportError } from './errors';

/** The API server gone, overloaded or failing: asking again later may succeed. */
export function isTransient(e: unknown): boolean {
  return (
    e instanceof KubeTransportError ||
    (e instanceof KubeApiError && (e.status === 429 || e.status >= 500))
  );
}

/** A failure after which the request may or may not have been carried out. */
export function outcomeUnknown(e: unknown): boolean {
  return e instanceof KubeTransportError || (e instanceof KubeApiError && e.status >= 500);
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

export const FIRST_BACKOFF_MS = 100;
export const MAX_BACKOFF_MS = 2_000;

/** Runs `op` until it succeeds, fails for good, or the next try would start after `deadline`. */
export async function retryTransient<T>(
  op: () => Promise<T>,
  deadline: number,
  clock: Clock = realClock,
): Promise<T> {
  let wait = FIRST_BACKOFF_MS;
  for (;;) {
    try {
      return await op();
    } catch (e) {
      if (!isTransient(e) || clock.now() + wait > deadline) throw e;
      await clock.sleep(wait);
      wait = Math.min(wait * 2, MAX_BACKOFF_MS);
    }
  }
}

/**
 * Runs a read-change-write `op` again when its write meets a newer version (409): controllers
 * write an object's status all the time, and a change pinned to the version read must be
 * recomputed from the newer one, not given up on.
 */
export async function retryOnConflict<T>(op: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (e) {
      if (!(e instanceof KubeApiError && e.status === 409) || attempt >= attempts) throw e;
    }
  }
}
