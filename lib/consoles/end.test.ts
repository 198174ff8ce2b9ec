import { describe, expect, it } from 'vitest';

import { CLOSE, refusalClose, upstreamEndClose } from './close-codes.mjs';
import { consoleEnd, reconnectDelayMs, RECONNECT_TRIES } from './end';

describe("the proxy's close for an upstream refusal", () => {
  it.each([
    [
      403,
      'virtualmachineinstances.subresources.kubevirt.io "vm" is forbidden: …',
      CLOSE.forbidden,
      'forbidden',
    ],
    [404, 'virtualmachineinstance.kubevirt.io "vm" not found', CLOSE.notFound, 'not-found'],
    [400, 'VMI is not running', CLOSE.badRequest, 'not-running'],
    [400, 'No graphics devices are present.', CLOSE.badRequest, 'no-device'],
    [400, 'something else', CLOSE.badRequest, 'bad-request'],
    [409, 'Operation cannot be fulfilled …: VMI is in failed status', CLOSE.conflict, 'conflict'],
    [
      500,
      "Internal error occurred: Can't connect to websocket (503): websocket: bad handshake: application info: Active VNC connection. Request denied.",
      CLOSE.inUse,
      'in-use',
    ],
    [503, 'service unavailable', CLOSE.upstream, 'upstream'],
    [0, 'connect ECONNREFUSED', CLOSE.upstream, 'upstream'],
    [401, 'Unauthorized', CLOSE.upstream, 'upstream'],
  ])('%i %s → %i %s', (status, message, code, reason) => {
    expect(refusalClose(status, message)).toEqual({ code, reason });
  });

  it('reads a dropped upstream (1006) as a takeover while kube-apiserver answers, else as lost', () => {
    expect(upstreamEndClose(1006)).toEqual({ code: CLOSE.takenOver, reason: 'taken-over' });
    expect(upstreamEndClose(1006, false)).toEqual({
      code: CLOSE.upstreamLost,
      reason: 'upstream-lost',
    });
    expect(upstreamEndClose(1000, false)).toEqual({ code: CLOSE.closed, reason: 'closed' });
    expect(upstreamEndClose(1000)).toEqual({ code: CLOSE.closed, reason: 'closed' });
    expect(upstreamEndClose(1011)).toEqual({ code: CLOSE.closed, reason: 'closed' });
  });
});

describe('the sentence for a close', () => {
  it('maps every proxy code to its own sentence', () => {
    const keys = Object.values(CLOSE).map((c) => consoleEnd(c, '').key);
    expect(new Set(keys).size).toBe(Object.values(CLOSE).length);
  });

  it('tells bad requests apart by reason', () => {
    expect(consoleEnd(CLOSE.badRequest, 'not-running').key).toBe('consoles.end.notRunning');
    expect(consoleEnd(CLOSE.badRequest, 'no-device').key).toBe('consoles.end.noDevice');
    expect(consoleEnd(CLOSE.badRequest, '').key).toBe('consoles.end.badRequest');
  });

  it('offers a takeover only when someone else holds the console', () => {
    expect(consoleEnd(CLOSE.inUse, 'in-use')).toEqual({
      code: CLOSE.inUse,
      key: 'consoles.end.inUse',
      takeOver: true,
      retry: false,
    });
    expect(consoleEnd(CLOSE.takenOver, 'taken-over').takeOver).toBe(true);
    expect(consoleEnd(CLOSE.forbidden, 'forbidden').takeOver).toBe(false);
  });

  it('says the connection was lost when the proxy itself went away', () => {
    expect(consoleEnd(1006, '').key).toBe('consoles.end.lost');
    expect(consoleEnd(1000, '').key).toBe('consoles.end.closed');
  });

  it('reconnects by itself only when the way to the console went away', () => {
    const retried = Object.values(CLOSE).filter((c) => consoleEnd(c, '').retry);
    expect(retried.sort()).toEqual([CLOSE.upstream, CLOSE.upstreamLost].sort());
    expect(consoleEnd(1006, '').retry).toBe(true);
    expect(consoleEnd(1001, 'server stopping').retry).toBe(true);
    expect(consoleEnd(1000, '').retry).toBe(false);
  });

  it('backs off, then gives up', () => {
    const delays = Array.from({ length: RECONNECT_TRIES + 1 }, (_, i) => reconnectDelayMs(i));
    expect(delays).toEqual([
      1000,
      2000,
      4000,
      8000,
      10_000,
      10_000,
      10_000,
      10_000,
      10_000,
      10_000,
      undefined,
    ]);
  });
});
