// What the page says when a console socket closes: the proxy's close code (close-codes.mjs) as a
// catalog sentence, and which way out to offer. Pure, for the browser.
import type { MessageKey } from '../i18n/messages';
import { CLOSE } from './close-codes.mjs';

export interface ConsoleEnd {
  code: number;
  key: MessageKey;
  /** Another viewer holds it: offer "Take over". */
  takeOver: boolean;
  /** The way to the console went away (API server, dashboard): the page reconnects by itself. */
  retry: boolean;
}

const byCode: Record<number, MessageKey> = {
  [CLOSE.closed]: 'consoles.end.closed',
  [CLOSE.ticket]: 'consoles.end.ticket',
  [CLOSE.forbidden]: 'consoles.end.forbidden',
  [CLOSE.notFound]: 'consoles.end.notFound',
  [CLOSE.conflict]: 'consoles.end.conflict',
  [CLOSE.inUse]: 'consoles.end.inUse',
  [CLOSE.takenOver]: 'consoles.end.takenOver',
  [CLOSE.sessionExpired]: 'consoles.end.sessionExpired',
  [CLOSE.signedOut]: 'consoles.end.signedOut',
  [CLOSE.upstream]: 'consoles.end.upstream',
  [CLOSE.upstreamLost]: 'consoles.end.upstreamLost',
};

// 1001: the dashboard's server stopping; 1006: its socket dropped without a close frame.
const retried = new Set<number>([CLOSE.upstream, CLOSE.upstreamLost, 1001, 1006]);

/** Automatic reconnects after a lost console: 1, 2, 4, 8 s, then every 10 s, ten in all. */
export const RECONNECT_TRIES = 10;
export function reconnectDelayMs(tried: number): number | undefined {
  return tried < RECONNECT_TRIES ? Math.min(1000 * 2 ** tried, 10_000) : undefined;
}

const badRequest: Record<string, MessageKey> = {
  'not-running': 'consoles.end.notRunning',
  'no-device': 'consoles.end.noDevice',
};

export function consoleEnd(code: number, reason: string): ConsoleEnd {
  const key =
    code === CLOSE.badRequest
      ? (badRequest[reason] ?? 'consoles.end.badRequest')
      : (byCode[code] ?? (code === 1000 ? 'consoles.end.closed' : 'consoles.end.lost'));
  return {
    code,
    key,
    takeOver: code === CLOSE.inUse || code === CLOSE.takenOver,
    retry: retried.has(code),
  };
}
