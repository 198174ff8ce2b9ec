import { createHash } from 'node:crypto';

// A per-key work queue for level-triggered controllers. decide(key) looks at the cached world and
// returns the next step on each track (e.g. "status", "scale"); the runner waits each plan's delay,
// checks the step is still wanted, runs it, and decides again. Watches drive everything: timers
// only space out the steps so a person can watch them happen. Tracks keep a slow step from being
// starved by frequent quick ones on the same object.

export interface Plan {
  /** Names the intended change. A timer fires only if decide() still returns the same id. */
  id: string;
  /** Independent line of work on the same object; one pending plan per track. */
  track?: string;
  /** Seconds to wait first, scaled by --speed. */
  after: number;
  run: () => Promise<void>;
}

interface TrackState {
  timer?: NodeJS.Timeout;
  planId?: string;
  running: boolean;
}

interface KeyState {
  tracks: Map<string, TrackState>;
  /** Plan ids that just ran: suppressed until the cache shows their effect (or the entry expires). */
  recent: Map<string, number>;
}

// Long enough for our own write to come back through the watch; short enough not to stall.
const RECENT_MS = 4000;
const RETRY_MS = 2000;

export class Runner {
  private readonly keys = new Map<string, KeyState>();
  private readonly scheduled = new Set<string>();
  private paused = true;
  private stopped = false;

  constructor(
    readonly name: string,
    private readonly speed: number,
    private readonly decide: (key: string) => Plan[],
    private readonly log: (msg: string) => void,
  ) {}

  /** Keys queued before start() wait until every informer has its initial list. */
  start(): void {
    this.paused = false;
    for (const key of this.scheduled) this.schedule(key);
  }

  enqueue(key: string): void {
    if (this.stopped) return;
    if (this.paused) {
      this.scheduled.add(key);
      return;
    }
    this.schedule(key);
  }

  stop(): void {
    this.stopped = true;
    for (const s of this.keys.values()) for (const t of s.tracks.values()) clearTimeout(t.timer);
  }

  private schedule(key: string): void {
    this.scheduled.add(key);
    queueMicrotask(() => {
      if (!this.scheduled.delete(key)) return;
      this.evaluate(key);
    });
  }

  private plans(key: string): Plan[] {
    try {
      return this.decide(key);
    } catch (err) {
      this.log(`${this.name} ${key}: decide failed: ${(err as Error).stack ?? String(err)}`);
      return [];
    }
  }

  private evaluate(key: string): void {
    if (this.stopped) return;
    let s = this.keys.get(key);
    if (!s) {
      s = { tracks: new Map(), recent: new Map() };
      this.keys.set(key, s);
    }
    const now = Date.now();
    for (const [id, until] of s.recent) if (until <= now) s.recent.delete(id);

    const wanted = new Map<string, Plan>();
    for (const p of this.plans(key))
      if (!wanted.has(p.track ?? 'main')) wanted.set(p.track ?? 'main', p);

    for (const [track, t] of s.tracks) {
      if (!wanted.has(track) && !t.running) {
        clearTimeout(t.timer);
        s.tracks.delete(track);
      }
    }
    for (const [track, plan] of wanted) {
      let t = s.tracks.get(track);
      if (!t) {
        t = { running: false };
        s.tracks.set(track, t);
      }
      if (t.running) continue; // re-evaluated when the run finishes
      const blockedUntil = s.recent.get(plan.id);
      if (blockedUntil !== undefined) {
        this.arm(t, `recheck:${plan.id}`, blockedUntil - now, () => this.evaluate(key));
      } else {
        const id = plan.id;
        this.arm(t, id, plan.after * 1000 * this.speed, () => void this.fire(key, track, id));
      }
    }
    if (s.tracks.size === 0 && s.recent.size === 0) this.keys.delete(key);
  }

  private arm(t: TrackState, id: string, ms: number, fn: () => void): void {
    if (t.planId === id && t.timer) return;
    clearTimeout(t.timer);
    t.planId = id;
    t.timer = setTimeout(
      () => {
        t.timer = undefined;
        t.planId = undefined;
        fn();
      },
      Math.max(0, ms),
    );
  }

  private async fire(key: string, track: string, id: string): Promise<void> {
    const s = this.keys.get(key);
    const t = s?.tracks.get(track);
    const plan = this.plans(key).find((p) => (p.track ?? 'main') === track);
    if (!s || !t || !plan || plan.id !== id) {
      this.evaluate(key);
      return;
    }
    t.running = true;
    try {
      await plan.run();
      s.recent.set(id, Date.now() + RECENT_MS);
    } catch (err) {
      this.log(`${this.name} ${key}: ${id} failed: ${(err as Error).message}`);
      s.recent.set(id, Date.now() + RETRY_MS);
    } finally {
      t.running = false;
    }
    this.evaluate(key);
  }
}

/** A short stable digest for plan ids that name a whole desired state. */
export const digest = (v: unknown): string =>
  createHash('sha1').update(JSON.stringify(v)).digest('hex').slice(0, 16);
