// VNC and serial console over WebSockets, the way virt-api + virt-handler serve them: subprotocol
// plain.kubevirt.io, the guest's bytes in binary messages, one session per VMI and kind — a new
// one takes over and the old one is dropped, unless a VNC viewer asks preserveSession=true, which
// is then refused while another is connected (virt-handler rest/console.go).
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

import { WebSocketServer, type RawData, type WebSocket } from 'ws';

import { LoginPrompt, bootLines } from './login.ts';
import { targetOf, validateStream, type Answer, type VirtApi } from './server.ts';
import { internal, isStatus, type Status } from './status.ts';
import { RfbServer } from './vnc/rfb.ts';
import { VncScreen } from './vnc/screen.ts';

export const PROTOCOL = 'plain.kubevirt.io';

/** What virt-api answers when virt-handler refuses the dial with its plain-text 503. */
export const activeVncRefusal = (): Status =>
  internal(
    "Can't connect to websocket (503): websocket: bad handshake: application info: Active VNC connection. Request denied.",
  );

/** Go's strconv.ParseBool; anything else is false (upstream logs and goes on). */
export const parseBool = (v: string | null): boolean =>
  ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v ?? '');

const MAX_SCREENS = 64;

export class Streams {
  // Upstream's upgrader offers only plain.kubevirt.io; a client offering none still connects.
  private readonly wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (offered) => (offered.has(PROTOCOL) ? PROTOCOL : false),
  });
  private readonly active = new Map<string, WebSocket>();
  /** The guest's display outlives a viewer, so a new viewer sees what the last one typed. */
  private readonly screens = new Map<string, VncScreen>();

  constructor(
    private readonly api: VirtApi,
    private readonly log: (msg: string) => void,
  ) {}

  async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://virt-api');
    const auth = await this.api.authorize(req, url.pathname);
    if (auth && 'code' in auth) return reject(socket, auth);
    const t = targetOf(url.pathname);
    if (
      !t ||
      t.resource !== 'virtualmachineinstances' ||
      (t.sub !== 'vnc' && t.sub !== 'console') ||
      req.method !== 'GET'
    )
      return reject(socket, {
        code: 404,
        body: '404 page not found',
        type: 'text/plain; charset=utf-8',
      });
    const vmi = await this.api.getVmi(t);
    if (isStatus(vmi)) return reject(socket, statusAnswer(vmi));
    const invalid = validateStream(t.sub, vmi);
    if (invalid) return reject(socket, statusAnswer(invalid));
    const key = `${t.sub}:${vmi.metadata.uid ?? `${t.namespace}/${t.name}`}`;
    if (
      t.sub === 'vnc' &&
      parseBool(url.searchParams.get('preserveSession')) &&
      this.active.has(key)
    )
      return reject(socket, statusAnswer(activeVncRefusal()));
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      // Upstream closes the old stream's connection outright, without a close frame.
      this.active.get(key)?.terminate();
      this.active.set(key, ws);
      ws.on('close', () => {
        if (this.active.get(key) === ws) this.active.delete(key);
      });
      ws.on('error', (err) => this.log(`${key}: ${err.message}`));
      const guest = { namespace: t.namespace, name: t.name, os: vmi.status?.guestOSInfo };
      if (t.sub === 'vnc') this.vnc(ws, this.screenOf(key, guest));
      else this.console(ws, guest);
    });
  }

  private screenOf(key: string, guest: ConstructorParameters<typeof VncScreen>[0]): VncScreen {
    let s = this.screens.get(key);
    if (!s) {
      s = new VncScreen(guest);
      this.screens.set(key, s);
      const oldest = this.screens.keys().next().value;
      if (this.screens.size > MAX_SCREENS && oldest !== undefined) this.screens.delete(oldest);
    }
    return s;
  }

  private vnc(ws: WebSocket, screen: VncScreen): void {
    const rfb = new RfbServer(screen);
    ws.send(rfb.greeting());
    ws.on('message', (data) => {
      for (const out of rfb.receive(bytesOf(data))) ws.send(out);
      if (rfb.closed) ws.terminate();
    });
  }

  private console(ws: WebSocket, guest: { name: string; os?: Record<string, string> }): void {
    const login = new LoginPrompt(guest.name);
    const banner = bootLines(guest.name, guest.os ?? {}).join('\r\n') + '\r\n' + login.prompt();
    ws.send(Buffer.from(banner, 'latin1'));
    ws.on('message', (data) => {
      const out = login.input(bytesOf(data).toString('latin1'));
      if (out) ws.send(Buffer.from(out, 'latin1'));
    });
  }
}

function bytesOf(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

const statusAnswer = (s: Status): Answer => ({
  code: s.code,
  body: JSON.stringify(s),
  type: 'application/json',
});

/** An HTTP answer on a socket that asked to upgrade. */
function reject(socket: Duplex, a: Answer): void {
  socket.end(
    `HTTP/1.1 ${a.code} ${STATUS_CODES[a.code] ?? ''}\r\nContent-Type: ${a.type}\r\n` +
      `Content-Length: ${Buffer.byteLength(a.body)}\r\nConnection: close\r\n\r\n${a.body}`,
  );
}
