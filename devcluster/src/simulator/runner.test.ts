import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { Runner, type Plan } from './runner.ts';

describe('Runner', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits the scaled delay, re-checks, runs once, and decides again', async () => {
    let state = 0;
    const runs: number[] = [];
    const decide = (): Plan[] =>
      state < 2
        ? [{ id: `step:${state}`, after: 1, run: async () => void runs.push(state++) }]
        : [];
    const r = new Runner('t', 0.5, decide, () => {});
    r.enqueue('k');
    r.start();
    await vi.advanceTimersByTimeAsync(499);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual([0]);
    await vi.advanceTimersByTimeAsync(500);
    expect(runs).toEqual([0, 1]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toEqual([0, 1]);
  });

  it('drops a step that is no longer wanted when its timer fires', async () => {
    let wanted = true;
    const ran: string[] = [];
    const r = new Runner(
      't',
      1,
      () => (wanted ? [{ id: 'a', after: 1, run: async () => void ran.push('a') }] : []),
      () => {},
    );
    r.start();
    r.enqueue('k');
    await vi.advanceTimersByTimeAsync(500);
    wanted = false;
    await vi.advanceTimersByTimeAsync(600);
    expect(ran).toEqual([]);
  });

  it('keeps tracks independent, so quick steps do not starve slow ones', async () => {
    let tick = 0;
    const ran: string[] = [];
    const decide = (): Plan[] => [
      { id: `fast:${tick}`, track: 'fast', after: 0.1, run: async () => void tick++ },
      { id: 'slow', track: 'slow', after: 1, run: async () => void ran.push('slow') },
    ];
    const r = new Runner('t', 1, decide, () => {});
    r.start();
    r.enqueue('k');
    await vi.advanceTimersByTimeAsync(1050);
    expect(ran).toEqual(['slow']);
    expect(tick).toBeGreaterThanOrEqual(9);
    r.stop();
  });

  it('does not repeat a step whose effect has not shown up yet', async () => {
    let runs = 0;
    const r = new Runner(
      't',
      1,
      () => [{ id: 'same', after: 0, run: async () => void runs++ }],
      () => {},
    );
    r.start();
    r.enqueue('k');
    await vi.advanceTimersByTimeAsync(3000);
    expect(runs).toBe(1);
    r.stop();
  });
});
