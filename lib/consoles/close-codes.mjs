// How a console ends, as WebSocket close codes the proxy sends and the page turns into a sentence.
// Browsers cannot read the HTTP status of a refused upgrade, so the proxy accepts the browser's
// socket and closes it with one of these (4000-4999 are the application's own codes). Pure: the
// page imports it too.

export const CLOSE = {
  /** The VM's side ended the stream cleanly. */
  closed: 4000,
  /** 400 from virt-api: not running, or no such device. */
  badRequest: 4400,
  /** The ticket was missing, forged, lapsed or already used. */
  ticket: 4401,
  /** kube-apiserver's RBAC refused the person. */
  forbidden: 4403,
  notFound: 4404,
  /** 409: the VMI failed. */
  conflict: 4409,
  /** Another viewer holds the VNC session and this one asked to keep it (preserveSession). */
  inUse: 4423,
  /** The VM's side dropped us without a close frame: another viewer took the session over. */
  takenOver: 4410,
  sessionExpired: 4440,
  signedOut: 4441,
  /** kube-apiserver or virt-api unreachable or failing. */
  upstream: 4500,
  /** An open console lost kube-apiserver (restarting, unreachable): the page reconnects. */
  upstreamLost: 4502,
};

/** The close for an upstream refusal: HTTP status and the Status message (kept in the log). */
export function refusalClose(status, message = '') {
  if (status === 400) {
    if (/not running/i.test(message)) return { code: CLOSE.badRequest, reason: 'not-running' };
    if (/^No (graphics devices|serial consoles)/i.test(message))
      return { code: CLOSE.badRequest, reason: 'no-device' };
    return { code: CLOSE.badRequest, reason: 'bad-request' };
  }
  if (status === 403) return { code: CLOSE.forbidden, reason: 'forbidden' };
  if (status === 404) return { code: CLOSE.notFound, reason: 'not-found' };
  if (status === 409) return { code: CLOSE.conflict, reason: 'conflict' };
  // virt-api wraps virt-handler's refusal in a 500 (rest/console.go): match its text.
  if (/Active VNC connection/i.test(message)) return { code: CLOSE.inUse, reason: 'in-use' };
  return { code: CLOSE.upstream, reason: 'upstream' };
}

/**
 * The close for an upstream stream that ended after it was open. `apiServerUp`: whether
 * kube-apiserver answered right after (asked only for 1006).
 */
export function upstreamEndClose(code, apiServerUp = true) {
  // 1006: no close frame. virt-handler drops the old stream that way when a new one takes over;
  // so does a kube-apiserver that stops, which the probe tells apart.
  if (code === 1006)
    return apiServerUp
      ? { code: CLOSE.takenOver, reason: 'taken-over' }
      : { code: CLOSE.upstreamLost, reason: 'upstream-lost' };
  return { code: CLOSE.closed, reason: 'closed' };
}
