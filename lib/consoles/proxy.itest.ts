// The console proxy against the real cluster: tickets in, kube-apiserver (RBAC, aggregation) and the
// virt-api stand-in behind it, driven by a plain WebSocket client instead of a browser.
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Admin, uniqueName, type TestTenant } from '../testing/admin';
import { connectConsole, serveConsoleProxy, type ConsoleClient } from '../testing/consoles';
import { apiServerProxy } from '../testing/fault-proxy';
import { memberOf } from '../testing/viewers';
import type { Viewer } from '../auth/session';
import { CLOSE } from './close-codes.mjs';
import { createConsoleProxy, type ConsoleProxy } from './proxy.mjs';
import { consoleSessions } from './sessions.mjs';
import { signTicket, ticketKey, type ConsoleKind, type TicketInput } from './ticket.mjs';
import { dialUpstream, loadTransport, type Dial } from './upstream.mjs';

const admin = new Admin();
const key = ticketKey('proxy-itest-secret');
const logged: { event: string; fields: Record<string, unknown> }[] = [];
let dials = 0;
/** Runs before the next dial: lets a test act while the proxy is dialling. */
let beforeDial: (() => Promise<void>) | undefined;
/** The latest dial's outcome, once the proxy has it. */
let lastDial: Promise<unknown> = Promise.resolve();
const countingDial: Dial = (t, c) => {
  dials++;
  const hold = beforeDial;
  beforeDial = undefined;
  const dialled = (hold ?? (async () => {}))().then(() => dialUpstream(t, c));
  lastDial = dialled;
  return dialled;
};

let server: Server;
/** The server side of the latest upgrade. */
let lastSocket: Duplex | undefined;
let proxy: ConsoleProxy;
let url: string;
let tenant: TestTenant;
const vm = uniqueName('vm');

async function eventually<T>(what: string, fn: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function ticketFor(
  who: Viewer,
  kind: ConsoleKind,
  extra: Partial<TicketInput> = {},
  now?: number,
): string {
  return signTicket(
    {
      username: who.identity.username,
      groups: who.identity.groups,
      namespace: tenant.namespace,
      name: vm,
      kind,
      preserveSession: kind === 'vnc',
      sessionExpiresAt: Date.now() + 3_600_000,
      sessionId: 'itest-session',
      // As lib/consoles/issue.ts: in token passthrough the person's ID token, sealed.
      token: who.identity.token,
      ...extra,
    },
    key,
    { now },
  );
}

type Client = ConsoleClient;
const connect = (ticket: string, to = url): Client => connectConsole(to, ticket);

/** RFB 3.8 with security None up to ServerInit; returns the desktop name. */
async function rfbHandshake({ ws, reader }: Client): Promise<string> {
  expect((await reader.read(12)).toString()).toBe('RFB 003.008\n');
  ws.send(Buffer.from('RFB 003.008\n'));
  expect([...(await reader.read(2))]).toEqual([1, 1]);
  ws.send(Buffer.from([1]));
  expect((await reader.read(4)).readUInt32BE(0)).toBe(0);
  ws.send(Buffer.from([1]));
  const init = await reader.read(24);
  return (await reader.read(init.readUInt32BE(20))).toString();
}

const adminOfTenant = () => memberOf(tenant.name, 'admins');

beforeAll(async () => {
  tenant = await admin.createTenant(uniqueName('it-console'));
  await admin.startVm(tenant.namespace, vm, 30_000);
  proxy = createConsoleProxy({
    key,
    transport: loadTransport(),
    dial: countingDial,
    log: {
      info: (event, fields = {}) => logged.push({ event, fields }),
      error: (event, fields = {}) => logged.push({ event, fields }),
    },
  });
  server = createServer();
  server.on('upgrade', (req, socket, head) => {
    lastSocket = socket;
    void proxy.handleUpgrade(req, socket, head);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/api/vms/console`;
});

afterAll(async () => {
  proxy?.close();
  await new Promise((r) => server?.close(r));
  await admin.deleteTenant(tenant.name);
});

describe('the console proxy', () => {
  it('opens VNC as a tenant admin and completes the RFB handshake through kube-apiserver', async () => {
    const c = connect(ticketFor(adminOfTenant(), 'vnc'));
    try {
      expect(await rfbHandshake(c)).toBe(`${tenant.namespace}_${vm}`);
    } finally {
      c.ws.close();
    }
    expect((await c.closed).code).toBe(1005);
  });

  it("relays kube-apiserver's 403 for a viewer as a close code; the raw refusal stays in the log", async () => {
    const viewer = memberOf(tenant.name, 'viewers');
    const c = connect(ticketFor(viewer, 'vnc'));
    expect(await c.closed).toEqual({ code: CLOSE.forbidden, reason: 'forbidden' });
    const refusal = logged.find(
      (l) => l.event === 'console refused' && l.fields.user === viewer.identity.username,
    );
    expect(refusal?.fields.status).toBe(403);
    // kube-apiserver's RBAC wording about the viewer (not the dashboard's own identity): the
    // proxy acted as them, and the stand-in never saw the request.
    expect(refusal?.fields.message).toContain(
      `User "${viewer.identity.username}" cannot get resource "virtualmachineinstances/vnc" in API group "subresources.kubevirt.io"`,
    );
  });

  it('refuses forged, lapsed and reused tickets before dialling anything', async () => {
    const before = dials;
    const good = ticketFor(adminOfTenant(), 'vnc');
    const [body, sig] = good.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as TicketInput;
    const forged = `${Buffer.from(JSON.stringify({ ...claims, name: 'someone-elses' })).toString('base64url')}.${sig}`;
    const lapsed = ticketFor(adminOfTenant(), 'vnc', {}, Date.now() - 31_000);
    const otherKey = signTicket(claims, ticketKey('not-the-secret'));
    for (const t of [forged, lapsed, otherKey, 'junk', ''])
      expect(await connect(t).closed).toEqual({ code: CLOSE.ticket, reason: 'ticket' });
    expect(dials).toBe(before);

    const first = connect(good);
    await first.reader.read(12);
    expect(await connect(good).closed).toEqual({ code: CLOSE.ticket, reason: 'ticket' });
    expect(dials).toBe(before + 1);
    first.ws.close();
    await first.closed;
  });

  it('refuses a second VNC viewer that keeps sessions; one that takes over drops the first', async () => {
    const who = adminOfTenant();
    const first = connect(ticketFor(who, 'vnc'));
    await first.reader.read(12);
    const second = connect(ticketFor(who, 'vnc', { preserveSession: true }));
    expect(await second.closed).toEqual({ code: CLOSE.inUse, reason: 'in-use' });
    const third = connect(ticketFor(who, 'vnc', { preserveSession: false }));
    expect(await first.closed).toEqual({ code: CLOSE.takenOver, reason: 'taken-over' });
    expect(await rfbHandshake(third)).toBe(`${tenant.namespace}_${vm}`);
    third.ws.close();
    await third.closed;
  });

  it('closes the upstream of a browser that left while the proxy dialled', async () => {
    const who = adminOfTenant();
    const quitter = connect(ticketFor(who, 'vnc'));
    beforeDial = async () => {
      const serverSide = lastSocket;
      quitter.ws.terminate();
      // The proxy sees the browser gone once the socket's end arrives.
      if (serverSide?.readable) await once(serverSide, 'end');
    };
    await quitter.closed;
    await lastDial;
    expect(logged.at(-1)?.event).toBe('console abandoned');
    // Had the abandoned session stayed open, every viewer keeping sessions would be refused.
    await eventually('a VNC viewer keeping sessions to get in', async () => {
      const c = connect(ticketFor(who, 'vnc', { preserveSession: true }));
      const first = await Promise.race([c.reader.read(12).then(() => 'open'), c.closed]);
      if (first !== 'open') return undefined;
      c.ws.close();
      await c.closed;
      return true;
    });
  });

  it('relays the serial console both ways', async () => {
    const c = connect(ticketFor(adminOfTenant(), 'console'));
    try {
      await c.reader.readUntil(`${vm} login: `);
      c.ws.send(Buffer.from('hello-proxy'));
      expect(await c.reader.readUntil('hello-proxy')).toBe('hello-proxy');
    } finally {
      c.ws.close();
    }
    await c.closed;
  });

  it('closes the console when the session ends, and when it is signed out', async () => {
    const expiring = connect(
      ticketFor(adminOfTenant(), 'console', { sessionExpiresAt: Date.now() + 2_000 }),
    );
    await expiring.reader.readUntil('login: ');
    expect(await expiring.closed).toEqual({
      code: CLOSE.sessionExpired,
      reason: 'session-expired',
    });

    const c = connect(ticketFor(adminOfTenant(), 'console', { sessionId: 'itest-signout' }));
    await c.reader.readUntil('login: ');
    consoleSessions().revoke('itest-signout');
    expect(await c.closed).toEqual({ code: CLOSE.signedOut, reason: 'signed-out' });
    expect(
      await connect(ticketFor(adminOfTenant(), 'console', { sessionId: 'itest-signout' })).closed,
    ).toEqual({
      code: CLOSE.signedOut,
      reason: 'signed-out',
    });
    expect(proxy.open).toBe(0);
  });

  it('closes an open console whose API server went away as lost (not as a takeover); it opens again once kube-apiserver is back', async () => {
    // A second proxy whose way to kube-apiserver runs through a proxy that can cut it.
    const aimed = await apiServerProxy();
    const cutting = createConsoleProxy({ key, transport: loadTransport(aimed.kubeconfig) });
    const front = await serveConsoleProxy(cutting);
    const frontUrl = front.url;
    try {
      const c = connect(ticketFor(adminOfTenant(), 'console'), frontUrl);
      await c.reader.readUntil('login: ');
      const restored = aimed.proxy.cutNow(3_000);
      expect(await c.closed).toEqual({ code: CLOSE.upstreamLost, reason: 'upstream-lost' });
      await restored;
      const again = connect(ticketFor(adminOfTenant(), 'console'), frontUrl);
      await again.reader.readUntil('login: ');
      again.ws.close();
      await again.closed;
      expect(cutting.open).toBe(0);
    } finally {
      await front.close();
      await aimed.proxy.close();
    }
  });
});
