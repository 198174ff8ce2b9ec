// A console proxy (lib/consoles/proxy.mjs) served as server.mjs serves it, on a port of its own, for
// tests and the soak that drive it with plain WebSocket clients.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import WebSocket from 'ws';

import { Reader } from '../../devcluster/src/virt-api/streams.testing.ts';
import { createConsoleProxy, type ConsoleProxy } from '../consoles/proxy.mjs';
import { signTicket, ticketKey } from '../consoles/ticket.mjs';
import { loadTransport } from '../consoles/upstream.mjs';
import type { KubeIdentity } from '../k8s/identity';
import { uniqueName, type Admin, type TestTenant } from './admin';

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

/** One open serial console: its socket, what it reads, and how it closed. */
export interface ConsoleClient {
  ws: WebSocket;
  reader: Reader;
  closed: Promise<{ code: number; reason: string }>;
}

/** Opens a console WebSocket with a ticket. */
export function connectConsole(url: string, ticket: string): ConsoleClient {
  const ws = new WebSocket(`${url}?ticket=${encodeURIComponent(ticket)}`);
  // A socket given up while connecting reports it as an error; `closed` is what callers read.
  ws.on('error', () => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return { ws, reader: new Reader(ws), closed };
}

const quiet = { info: () => {}, error: () => {} };

/**
 * A running VM and the console proxy as server.mjs runs it, on a port of its own. `open` connects
 * to the VM's serial console with a ticket; `session` opens one, types a line, reads it back and
 * closes.
 */
export async function consoleRig(admin: Admin, tenant: TestTenant) {
  const vm = uniqueName('console');
  await admin.startVm(tenant.namespace, vm);
  const key = ticketKey(`rig-${vm}`);
  const proxy = createConsoleProxy({ key, transport: loadTransport(), log: quiet });
  const served = await serveConsoleProxy(proxy);
  const open = (who: KubeIdentity): ConsoleClient => {
    const ticket = signTicket(
      {
        username: who.username,
        groups: who.groups,
        namespace: tenant.namespace,
        name: vm,
        kind: 'console',
        preserveSession: false,
        sessionExpiresAt: Date.now() + 3_600_000,
        sessionId: `rig-${vm}`,
        token: who.token,
      },
      key,
    );
    return connectConsole(served.url, ticket);
  };
  return {
    open,
    async session(who: KubeIdentity): Promise<void> {
      const { ws, reader, closed } = open(who);
      try {
        await reader.readUntil('login: ');
        const line = `line-${Date.now()}`;
        ws.send(Buffer.from(line));
        await reader.readUntil(line);
      } finally {
        ws.close();
      }
      const { code } = await closed;
      if (code !== 1005 && code !== 1000) throw new Error(`the console closed with ${code}`);
    },
    /** Stops the proxy; returns how many sessions it still relayed. */
    async close(): Promise<number> {
      const left = proxy.open;
      await served.close();
      return left;
    },
  };
}
