// Production server: Next's request handler for HTTP, and the console WebSocket proxy for upgrades
// to /api/vms/console (Next route handlers cannot take upgrades). Plain ESM, so production needs no
// TypeScript runtime. Usage: node server.mjs [--hostname 127.0.0.1] [--port 3000]
import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

import { createConsoleProxy } from './lib/consoles/proxy.mjs';
import { log } from './lib/consoles/log.mjs';
import { ticketKey } from './lib/consoles/ticket.mjs';
import { loadTransport } from './lib/consoles/upstream.mjs';

process.env.NODE_ENV = 'production';
const { values } = parseArgs({
  options: { hostname: { type: 'string' }, port: { type: 'string' } },
});
const hostname = values.hostname ?? process.env.HOSTNAME ?? '127.0.0.1';
const port = Number(values.port ?? process.env.PORT ?? 3000);

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

const server = createServer((req, res) => {
  void handle(req, res);
});
server.on('upgrade', (req, socket, head) => {
  if (proxy.matches(req)) void proxy.handleUpgrade(req, socket, head);
  else void nextUpgrade(req, socket, head);
});
server.listen(port, hostname, () => log.info('server listening', { hostname, port }));

for (const signal of ['SIGTERM', 'SIGINT'])
  process.once(signal, () => {
    proxy.close();
    server.close(() => process.exit(0));
    // Live streams hold connections open; don't wait for them past a grace period.
    setTimeout(() => process.exit(0), 5_000).unref();
  });
