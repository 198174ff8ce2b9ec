// A console proxy (lib/consoles/proxy.mjs) served as server.mjs serves it, on a port of its own, for
// tests and the soak that drive it with plain WebSocket clients.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ConsoleProxy } from '../consoles/proxy.mjs';

export async function serveConsoleProxy(
  proxy: ConsoleProxy,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer();
  server.on('upgrade', (req, socket, head) => void proxy.handleUpgrade(req, socket, head));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/api/vms/console`,
    /** Stops the proxy (closing what it relays) and the server. */
    async close() {
      proxy.close();
      await new Promise((r) => server.close(r));
    },
  };
}
