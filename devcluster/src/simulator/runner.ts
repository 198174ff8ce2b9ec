// A per-key work queue for level-triggered controllers. A controller's decide(key) looks at the
// cached world and returns the next step (a Plan) or nothing; the runner waits the plan's delay,
// checks the step is still wanted, runs it, and decides again. Watches drive everything: timers only
// space out the steps so the UI can watch things happen.

export interface Plan {
  /** Names the intended change. A timer fires only if decide() still returns the same id. */
  id: string;
  /** Seconds to wait first, scaled by --speed. */
  after: number;
  run: () => Promise<void>;
}

interface KeyState {
  timer?: NodeJS.Timeout;
  planId?: string;
  running: boolean;
  /** Plan ids that just ran: suppressed until the cache shows their effect (or the entry expires). */
  recent: Map<string, number>;
}

// Long enough for our own write to come back through the watch; short enough not to stall.
const RECENT_MS = 4000;
const RETRY_MS = 2000;

export class Runner {
  private readonly keys = new Map<string, KeyState>();
  private readonly scheduled = new Set<string>();
  private stopped = false;

  constructor(
    readonly name: string,
    private readonly speed: number,
    private readonly decide: (key: string) => Plan | undefined,
    private readonly log: (msg: string) => void,
  ) {}

  enqueue(key: string): void {
    if (this.stopped || this.scheduled.has(key)) return;
    this.scheduled.add(key);
    queueMicrotask(() => {
      this.scheduled.delete(key);
      this.evaluate(key);
    });
  }

  stop(): void {
    this.stopped = true;
    for (const s of this.keys.values()) clearTimeout(s.timer);
  }

  private state(key: string): KeyState {
    let s = this.keys.get(key);
    if (!s) {
      s = { running: false, recent: new Map() };
      this.keys.set(key, s);
    }
    return s;
  }

  private evaluate(key: string): void {
    if (this.stopped) return;
    const s = this.state(key);
    if (s.running) return; // re-evaluated when the run finishes
    let plan: Plan | undefined;
    try {
      plan = this.decide(key);
    } catch (err) {
      this.log(`${this.name} ${key}: decide failed: ${(err as Error).stack ?? String(err)}`);
    }
    const now = Date.now();
    for (const [id, until] of s.recent) if (until <= now) s.recent.delete(id);
    if (!plan) {
      clearTimeout(s.timer);
      s.timer = undefined;
      s.planId = undefined;
      if (s.recent.size === 0) this.keys.delete(key);
      return;
    }
    const blockedUntil = s.recent.get(plan.id);
    if (blockedUntil !== undefined) {
      this.arm(s, `recheck:${plan.id}`, blockedUntil - now, () => this.evaluate(key));
      return;
    }
    if (s.planId === plan.id && s.timer) return;
    const id = plan.id;
    this.arm(s, id, plan.after * 1000 * this.speed, () => void this.fire(key, id));
  }

  private arm(s: KeyState, id: string, ms: number, fn: () => void): void {
    if (s.planId === id && s.timer) return;
    clearTimeout(s.timer);
    s.planId = id;
    s.timer = setTimeout(() => {
      s.timer = undefined;
      s.planId = undefined;
      fn();
    }, Math.max(0, ms));
  }

  private async fire(key: string, id: string): Promise<void> {
    const s = this.state(key);
    let plan: Plan | undefined;
    try {
      plan = this.decide(key);
    } catch (err) {
      this.log(`${this.name} ${key}: decide failed: ${(err as Error).message}`);
    }
    if (!plan || plan.id !== id) {
      this.evaluate(key);
      return;
    }
    s.running = true;
    try {
      await plan.run();
      s.recent.set(id, Date.now() + RECENT_MS);
    } catch (err) {
      this.log(`${this.name} ${key}: ${id} failed: ${(err as Error).message}`);
      s.recent.set(id, Date.now() + RETRY_MS);
    } finally {
      s.running = false;
    }
    this.evaluate(key);
  }
}
