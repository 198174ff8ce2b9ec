import { describe, expect, it } from 'vitest';

import { KubeApiError, KubeTransportError } from './errors';
import {
  FIRST_BACKOFF_MS,
  isTransient,
  MAX_BACKOFF_MS,
  retryOnConflict,
  retryTransient,
  type Clock,
} from './retry';

/** A clock that only moves when the retry sleeps, recording each wait. */
function fakeClock(): Clock & { waits: number[] } {
  let t = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => t,
    sleep: (ms) => {
      waits.push(ms);
      t += ms;
      return Promise.resolve();
    },
  };
}

/** An operation that fails with each of `failures` in turn, then answers 'done'. */
function failing(failures: unknown[]) {
  let calls = 0;
  const op = () => {
    const f = failures[calls++];
    return f === undefined ? Promise.resolve('done') : Promise.reject(f);
  };
  return { op, calls: () => calls };
}

const unreachable = new KubeTransportError('unreachable');

describe('retryTransient', () => {
  it('asks again after connection errors, 429 and 5xx, with doubling waits', async () => {
    const clock = fakeClock();
    const f = failing([unreachable, new KubeApiError(429, {}), new KubeApiError(503, {})]);
    await expect(retryTransient(f.op, 20_000, clock)).resolves.toBe('done');
    expect(f.calls()).toBe(4);
    expect(clock.waits).toEqual([FIRST_BACKOFF_MS, FIRST_BACKOFF_MS * 2, FIRST_BACKOFF_MS * 4]);
  });

  it('gives up at once on a refusal', async () => {
    const clock = fakeClock();
    const refused = new KubeApiError(403, {});
    const f = failing([refused]);
    await expect(retryTransient(f.op, 20_000, clock)).rejects.toBe(refused);
    expect(f.calls()).toBe(1);
  });

  it('keeps trying for about the whole budget, then reports the last failure', async () => {
    const clock = fakeClock();
    const f = failing(Array.from({ length: 1000 }, () => unreachable));
    await expect(retryTransient(f.op, 20_000, clock)).rejects.toBe(unreachable);
    const waited = clock.waits.reduce((a, b) => a + b, 0);
    expect(waited).toBeLessThanOrEqual(20_000);
    expect(waited).toBeGreaterThan(20_000 - MAX_BACKOFF_MS);
    expect(Math.max(...clock.waits)).toBe(MAX_BACKOFF_MS);
  });

  it('tells transient failures from final ones', () => {
    expect(isTransient(unreachable)).toBe(true);
    expect(isTransient(new KubeTransportError('timeout'))).toBe(true);
    expect(isTransient(new KubeApiError(500, {}))).toBe(true);
    expect(isTransient(new KubeApiError(404, {}))).toBe(false);
    expect(isTransient(new KubeApiError(409, {}))).toBe(false);
    expect(isTransient(new Error('bug'))).toBe(false);
  });
});

describe('retryOnConflict', () => {
  const conflict = new KubeApiError(409, { message: 'the object has been modified' });
  it('reads and writes again after a conflict, up to its attempts', async () => {
    const twice = failing([conflict, conflict]);
    await expect(retryOnConflict(twice.op)).resolves.toBe('done');
    expect(twice.calls()).toBe(3);
    const always = failing(Array.from({ length: 9 }, () => conflict));
    await expect(retryOnConflict(always.op, 3)).rejects.toBe(conflict);
    expect(always.calls()).toBe(3);
  });
  it('gives up at once on anything but a conflict', async () => {
    const denied = new KubeApiError(403, { message: 'forbidden' });
    const op = failing([denied]);
    await expect(retryOnConflict(op.op)).rejects.toBe(denied);
    expect(op.calls()).toBe(1);
  });
});
