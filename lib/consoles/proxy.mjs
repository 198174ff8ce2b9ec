// The console WebSocket proxy the custom server (server.mjs) runs: the browser connects to
// /api/vms/console?ticket=…, the proxy checks the ticket and opens the VM's console through
// kube-apiserver as the person the ticket names, then relays frames both ways. Browsers cannot set
// headers on a WebSocket, and must never hold a cluster credential; this is where both meet.
import { STATUS_CODES } from 'node:http';

import { WebSocketServer } from 'ws';

import { CLOSE, refusalClose, upstreamEndClose } from './close-codes.mjs';
import { log as defaultLog } from './log.mjs';
import { consoleSessions } from './sessions.mjs';
import { TicketLedger, verifyTicket } from './ticket.mjs';
import { apiServerUp, dialUpstream } from './upstream.mjs';

export const CONSOLE_PATH = '/api/vms/console';
// setTimeout's limit; sessions are shorter, but a timer past it would fire at once.
const MAX_TIMER_MS = 2 ** 31 - 1;

function refuseHttp(socket, status) {
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
  );
}

/**
 * key: the ticket key; transport: the dashboard's connection (upstream.mjs loadTransport);
 * origin: the dashboard's own origin, the only one whose pages may connect.
 */
export function createConsoleProxy({
  key,
  transport,
  origin,
  log = defaultLog,
  dial = dialUpstream,
  probe = apiServerUp,
  sessions = consoleSessions(),
  ledger = new TicketLedger(),
  now = Date.now,
}) {
  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    maxPayload: 1 << 20,
  });
  const open = new Set();

  /** Completes the browser's upgrade only to say why there is no console. */
  function refuse(req, socket, head, close) {
    wss.handleUpgrade(req, socket, head, (browser) => browser.close(close.code, close.reason));
  }

  async function handleUpgrade(req, socket, head) {
    socket.on('error', (err) => log.info('console socket error', { error: err.message }));
    const url = new URL(req.url ?? '/', 'http://proxy');
    // A page elsewhere must not ride the person's ticket (browsers always send Origin here).
    if (origin && req.headers.origin !== undefined && req.headers.origin !== origin) {
      log.info('console refused', { why: 'origin', origin: req.headers.origin });
      return refuseHttp(socket, 403);
    }
    const checked = verifyTicket(url.searchParams.get('ticket'), key, { now: now() });
    if (!checked.ok) {
      log.info('console refused', { why: `ticket ${checked.reason}` });
      return refuse(req, socket, head, { code: CLOSE.ticket, reason: 'ticket' });
    }
    const claims = checked.claims;
    const who = { user: claims.username, namespace: claims.namespace, vmi: claims.name };
    if (!ledger.claim(claims.nonce, claims.exp, now())) {
      log.info('console refused', { ...who, why: 'ticket reused' });
      return refuse(req, socket, head, { code: CLOSE.ticket, reason: 'ticket' });
    }
    if (claims.sessionId && sessions.isRevoked(claims.sessionId)) {
      log.info('console refused', { ...who, why: 'signed out' });
      return refuse(req, socket, head, { code: CLOSE.signedOut, reason: 'signed-out' });
    }
    // The browser may give up while we dial; then the upstream must not stay open (a VNC session
    // left behind would refuse every later viewer as "in use").
    let gone = false;
    socket.once('close', () => (gone = true));
    const up = await dial(transport, claims);
    if (up.ok && (gone || !socket.readable || !socket.writable)) {
      log.info('console abandoned', { ...who, kind: claims.kind });
      up.ws.close(1000);
      socket.destroy();
      return;
    }
    if (!up.ok) {
      const close = refusalClose(up.status, up.message);
      // The raw refusal stays here; the browser gets a code its catalog turns into a sentence.
      // Refusals people cause are info; an API server or virt-api failing is an operator's error.
      const level = close.code === CLOSE.upstream ? 'error' : 'info';
      log[level]('console refused', {
        ...who,
        kind: claims.kind,
        status: up.status,
        message: up.message,
        code: close.code,
      });
      return refuse(req, socket, head, close);
    }
    let relayed = false;
    wss.handleUpgrade(req, socket, head, (browser) => {
      relayed = true;
      relay(browser, up, claims, who);
    });
    // ws completes an upgrade synchronously, or drops a socket it cannot use without calling back.
    if (!relayed) up.ws.close(1000);
  }

  function relay(browser, up, claims, who) {
    const upstream = up.ws;
    const started = now();
    let ended = false;
    const end = (by, close) => {
      if (ended) return;
      ended = true;
      clearTimeout(expiry);
      unregister();
      open.delete(browser);
      if (browser.readyState === browser.OPEN) browser.close(close.code, close.reason);
      if (upstream.readyState === upstream.OPEN) upstream.close(1000);
      else upstream.terminate();
      log.info('console closed', {
        ...who,
        kind: claims.kind,
        by,
        code: close.code,
        ms: now() - started,
      });
    };
    open.add(browser);
    const left = Math.min(claims.sessionExpiresAt - now(), MAX_TIMER_MS);
    const expiry = setTimeout(
      () => end('session expiry', { code: CLOSE.sessionExpired, reason: 'session-expired' }),
      Math.max(0, left),
    );
    const unregister = claims.sessionId
      ? sessions.add(claims.sessionId, () =>
          end('sign-out', { code: CLOSE.signedOut, reason: 'signed-out' }),
        )
      : () => {};

    up.stopBuffering();
    for (const [data, isBinary] of up.early) browser.send(data, { binary: isBinary });
    upstream.on('message', (data, isBinary) => {
      if (browser.readyState === browser.OPEN) browser.send(data, { binary: isBinary });
    });
    browser.on('message', (data, isBinary) => {
      if (upstream.readyState === upstream.OPEN) upstream.send(data, { binary: isBinary });
    });
    upstream.on('close', (code) => {
      if (code !== 1006) return end('upstream', upstreamEndClose(code));
      // Told apart by asking kube-apiserver; the browser keeps its socket until then.
      void probe(transport).then(
        (up) => end('upstream', upstreamEndClose(code, up)),
        () => end('upstream', upstreamEndClose(code, false)),
      );
    });
    browser.on('close', (code) => end('browser', { code, reason: '' }));
    upstream.on('error', (err) =>
      log.info('console upstream error', { ...who, error: err.message }),
    );
    browser.on('error', (err) => log.info('console browser error', { ...who, error: err.message }));
    log.info('console opened', {
      ...who,
      kind: claims.kind,
      preserveSession: claims.preserveSession,
    });
  }

  return {
    matches: (req) => new URL(req.url ?? '/', 'http://proxy').pathname === CONSOLE_PATH,
    handleUpgrade: (req, socket, head) =>
      handleUpgrade(req, socket, head).catch((err) => {
        log.error('console proxy failed', {
          error: err instanceof Error ? err.message : String(err),
        });
        if (!socket.destroyed) socket.destroy();
      }),
    get open() {
      return open.size;
    },
    close() {
      for (const b of open) b.close(1001, 'server stopping');
      wss.close();
    },
  };
}
