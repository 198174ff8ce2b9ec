// Production server: Next's request handler for HTTP, and the console WebSocket proxy for upgrades
// to /api/vms/console (Next route handlers cannot take upgrades). Plain ESM, so production needs no
// TypeScript runtime. Usage: node server.mjs [--hostname 127.0.0.1] [--port 3000]
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

import { createConsoleProxy } from './lib/consoles/proxy.mjs';
import { log } from './lib/consoles/log.mjs';
import { ticketKey } from './lib/consoles/ticket.mjs';
import { loadTransport } from './lib/consoles/upstream.mjs';
import { metrics, routeLabel } from './lib/serving/metrics.mjs';
import { servePrecompressed } from './lib/serving/precompressed.mjs';
import { rateLimiter } from './lib/security/rate-limit.mjs';

process.env.NODE_ENV = 'production';
const { values } = parseArgs({
  options: { hostname: { type: 'string' }, port: { type: 'string' } },
});
const hostname = values.hostname ?? process.env.HOSTNAME ?? '127.0.0.1';
const port = Number(values.port ?? process.env.PORT ?? 3000);

const distDir = process.env.STRATUS_DIST_DIR || '.next';
// The assembled production app (scripts/assemble-standalone.sh) has no next.config.mjs and no build
// tooling: Next takes the configuration the build resolved, as its own standalone server.js does.
if (!existsSync('next.config.mjs')) {
  const built = JSON.parse(readFileSync(`${distDir}/required-server-files.json`, 'utf8'));
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(built.config);
}

// Imported after NODE_ENV is set: Next reads it when it loads.
const { default: next } = await import('next');
// Next wires its own upgrade listener to whatever server it is given (or the first request's
// socket's server); it gets a stand-in, so one listener below decides who takes each upgrade.
const app = next({ dev: false, hostname, port, httpServer: new EventEmitter() });
await app.prepare();
const handle = app.getRequestHandler();
const nextUpgrade = app.getUpgradeHandler();

const proxy = createConsoleProxy({
  key: ticketKey(process.env.NEXTAUTH_SECRET),
  transport: loadTransport(),
  origin: process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).origin : undefined,
});

// Browsers keep to TLS once they have seen it; only meaningful when the dashboard is served over https.
const hsts = process.env.NEXTAUTH_URL?.startsWith('https://');
// Sign-in starts per client address (the person is not known yet); behind an ingress, the first
// X-Forwarded-For hop when STRATUS_TRUST_PROXY=1.
const signIns = rateLimiter({ limit: 30, windowMs: 60_000 });
const clientAddress = (req) =>
  (process.env.STRATUS_TRUST_PROXY === '1' &&
    String(req.headers['x-forwarded-for'] ?? '')
      .split(',')[0]
      ?.trim()) ||
  req.socket.remoteAddress ||
  'unknown';

const server = createServer((req, res) => {
  if (req.method === 'POST' && req.url?.startsWith('/api/auth/signin/')) {
    const { ok, retryAfterS } = signIns.take(clientAddress(req));
    if (!ok) {
      // next-auth's client follows `url`: the sign-in page then says it failed.
      res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': retryAfterS });
      return void res.end(JSON.stringify({ url: '/signin?error=rateLimited' }));
    }
  }
  if (hsts) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  const route = routeLabel(req.url);
  // A live stream lasts as long as its tab; its latency would drown every other figure.
  if (route !== '/api/live') {
    const done = metrics().http.startTimer({ route, method: req.method ?? 'GET' });
    res.once('finish', () => done({ status: String(res.statusCode) }));
  }
  void servePrecompressed(distDir, req, res).then(
    (served) => served || handle(req, res),
    () => handle(req, res),
  );
});
server.on('upgrade', (req, socket, head) => {
  if (proxy.matches(req)) void proxy.handleUpgrade(req, socket, head);
  else void nextUpgrade(req, socket, head);
});
server.listen(port, hostname, () => log.info('server listening', { hostname, port }));

// Prometheus scrapes a port of its own, which an ingress never routes to.
const metricsPort = Number(process.env.STRATUS_METRICS_PORT ?? 9464);
const metricsServer =
  metricsPort > 0
    ? createServer((req, res) => {
        if (req.url !== '/metrics') return void res.writeHead(404).end();
        void metrics()
          .registry.metrics()
          .then(
            (text) =>
              res.writeHead(200, { 'Content-Type': metrics().registry.contentType }).end(text),
            () => res.writeHead(500).end(),
          );
      }).listen(metricsPort, process.env.STRATUS_METRICS_HOSTNAME ?? hostname, () =>
        log.info('metrics listening', { port: metricsPort }),
      )
    : undefined;

for (const signal of ['SIGTERM', 'SIGINT'])
  process.once(signal, () => {
    proxy.close();
    metricsServer?.close();
    server.close(() => process.exit(0));
    // Live streams hold connections open; don't wait for them past a grace period.
    setTimeout(() => process.exit(0), 5_000).unref();
  });
