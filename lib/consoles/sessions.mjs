// Open consoles by sign-in, so signing out closes them. The ticket route (bundled by Next) hears of
// sign-outs and the custom server holds the sockets: two copies of this module in one process,
// so the state lives on globalThis.
const KEY = Symbol.for('stratus.consoleSessions');
// Long enough to outlive any ticket issued before the sign-out (tickets last 30 s).
const REMEMBER_MS = 120_000;

class ConsoleSessions {
  #open = new Map();
  #revoked = new Map();

  /** Calls onRevoked when this sign-in ends; returns the unregister function. */
  add(sessionId, onRevoked) {
    let set = this.#open.get(sessionId);
    if (!set) this.#open.set(sessionId, (set = new Set()));
    set.add(onRevoked);
    return () => {
      set.delete(onRevoked);
      if (set.size === 0 && this.#open.get(sessionId) === set) this.#open.delete(sessionId);
    };
  }

  revoke(sessionId, now = Date.now()) {
    for (const [sid, at] of this.#revoked) if (at + REMEMBER_MS <= now) this.#revoked.delete(sid);
    this.#revoked.set(sessionId, now);
    for (const close of this.#open.get(sessionId) ?? []) close();
  }

  isRevoked(sessionId) {
    return this.#revoked.has(sessionId);
  }

  get open() {
    let n = 0;
    for (const set of this.#open.values()) n += set.size;
    return n;
  }
}

export function consoleSessions() {
  globalThis[KEY] ??= new ConsoleSessions();
  return globalThis[KEY];
}
