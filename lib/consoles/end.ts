// What the page says when a console socket closes: the proxy's close code (close-codes.mjs) as a
// catalog sentence, and which way out to offer. Pure, for the browser.
import type { MessageKey } from '../i18n/messages';
import { CLOSE } from './close-codes.mjs';

export interface ConsoleEnd {
  code: number;
  key: MessageKey;
  /** Another viewer holds it: offer "Take over". */
  takeOver: boolean;
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
};

const badRequest: Record<string, MessageKey> = {
  'not-running': 'consoles.end.notRunning',
  'no-device': 'consoles.end.noDevice',
};

export function consoleEnd(code: number, reason: string): ConsoleEnd {
  const key =
    code === CLOSE.badRequest
      ? (badRequest[reason] ?? 'consoles.end.badRequest')
      : (byCode[code] ?? (code === 1000 ? 'consoles.end.closed' : 'consoles.end.lost'));
  return { code, key, takeOver: code === CLOSE.inUse || code === CLOSE.takenOver };
}
