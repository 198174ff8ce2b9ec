// Types of sessions.mjs.
export interface ConsoleSessions {
  add(sessionId: string, onRevoked: () => void): () => void;
  revoke(sessionId: string, now?: number): void;
  isRevoked(sessionId: string): boolean;
  readonly open: number;
}
export function consoleSessions(): ConsoleSessions;
