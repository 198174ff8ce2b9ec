// A fault-injecting HTTPS proxy in front of a local server of the test cluster (kube-apiserver, the
// LINSTOR stand-in). It terminates TLS with the upstream's own serving certificate, so clients keep
// trusting the devcluster CA unchanged, and forwards every request and answer as a stream (watches
// included) and WebSocket upgrades (consoles) as raw byte streams. On demand it cuts every connection after the n-th request (that request reaches the
// server, its answer is lost), refuses connections until it is restored, or holds requests back.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import os from 'node:os';
import path from 'node:path';

import { KubeConfig } from '@kubernetes/client-node';

import { files, profile } from '../../devcluster/src/config.ts';
import { linstorFiles, linstorUrl } from '../../devcluster/src/linstor/lifecycle.ts';

export interface FaultProxyOptions {
  /** https://127.0.0.1:port of the real server. */
  upstream: string;
  /** The certificate and key the proxy presents (the upstream's own). */
  cert: Buffer;
  key: Buffer;
  /** The CA the upstream's certificate is signed by. */
  ca: Buffer;
}

const hopByHop = new Set(['connection', 'keep-alive', 'upgrade', 'proxy-connection']);

export class FaultProxy {
  /** Requests seen since the last cutAfter/reset. */
  requests = 0;
  /** Each request waits this long before it is forwarded. */
  latencyMs = 0;
  private down = false;
  private cutAt: number | undefined;
  private downMs = 0;
  private onRestored: (() => void) | undefined;
  private readonly sockets = new Set<Socket | tls.TLSSocket>();
  private readonly ca: Buffer;
  private readonly agent: https.Agent;
  private readonly server: https.Server;
  private readonly upstream: URL;
  /** Run after close (files made for this proxy). */
  readonly cleanups: (() => void)[] = [];

  private constructor(opts: FaultProxyOptions) {
    this.upstream = new URL(opts.upstream);
    this.ca = opts.ca;
    this.agent = new https.Agent({ ca: opts.ca, keepAlive: true });
    this.server = https.createServer({ cert: opts.cert, key: opts.key }, (req, res) => {
      if (this.down) return req.socket.destroy();
      const index = this.requests++;
      const fatal = index === this.cutAt;
      const forward = () => {
        if (this.down) return req.socket.destroy();
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter(([k]) => !hopByHop.has(k)),
        );
        const up = https.request(
          new URL(req.url ?? '/', this.upstream),
          {
            method: req.method,
            headers: { ...headers, host: this.upstream.host },
            agent: this.agent,
          },
          (answer) => {
            if (fatal) {
              // The server has done the work; the client never learns it.
              answer.destroy();
              return this.cut();
            }
            const out = Object.fromEntries(
              Object.entries(answer.headers).filter(([k]) => !hopByHop.has(k)),
            );
            res.writeHead(answer.statusCode ?? 502, out);
            answer.pipe(res);
          },
        );
        up.on('error', () => req.socket.destroy());
        res.on('close', () => up.destroy());
        req.pipe(up);
      };
      if (this.latencyMs > 0) setTimeout(forward, this.latencyMs);
      else forward();
    });
    this.server.on('upgrade', (req, client: Duplex, head: Buffer) =>
      this.upgrade(req, client, head),
    );
    this.server.on('connection', (s: Socket) => {
      if (this.down) return s.destroy();
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  /** An upgrade: the request as it came, then bytes both ways until either side ends. */
  private upgrade(req: IncomingMessage, client: Duplex, head: Buffer): void {
    if (this.down) return void client.destroy();
    this.requests++;
    const up = tls.connect({
      host: this.upstream.hostname,
      port: Number(this.upstream.port),
      ca: this.ca,
    });
    this.sockets.add(up);
    const drop = () => {
      up.destroy();
      client.destroy();
    };
    up.on('close', () => {
      this.sockets.delete(up);
      drop();
    });
    up.on('error', drop);
    client.on('error', drop);
    client.on('close', drop);
    up.once('secureConnect', () => {
      const { rawHeaders } = req;
      const lines = [`${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/1.1`];
      for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
        const k = rawHeaders[i] ?? '';
        lines.push(
          `${k}: ${k.toLowerCase() === 'host' ? this.upstream.host : (rawHeaders[i + 1] ?? '')}`,
        );
      }
      up.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) up.write(head);
      up.pipe(client);
      client.pipe(up);
    });
  }

  static async start(opts: FaultProxyOptions): Promise<FaultProxy> {
    const p = new FaultProxy(opts);
    await new Promise<void>((r) => p.server.listen(0, '127.0.0.1', r));
    return p;
  }

  get url(): string {
    return `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /**
   * The n-th request from now (0-based) reaches the server but its answer is lost; then every
   * connection is cut and new ones are refused for `downMs`. Resolves once service is restored
   * (never, if fewer than n+1 requests come).
   */
  cutAfter(n: number, downMs: number): Promise<void> {
    this.requests = 0;
    this.cutAt = n;
    this.downMs = downMs;
    return new Promise((r) => (this.onRestored = r));
  }

  /** Cuts every connection now and refuses new ones for `downMs` (an API server restart). */
  cutNow(downMs: number): Promise<void> {
    this.downMs = downMs;
    const restored = new Promise<void>((r) => (this.onRestored = r));
    this.cut();
    return restored;
  }

  private cut(): void {
    this.down = true;
    this.cutAt = undefined;
    for (const s of this.sockets) s.destroy();
    setTimeout(() => {
      this.down = false;
      this.onRestored?.();
    }, this.downMs);
  }

  /** Back to a plain proxy: no pending cut, no latency, counting from zero. */
  reset(): void {
    this.requests = 0;
    this.cutAt = undefined;
    this.latencyMs = 0;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.agent.destroy();
    await new Promise<void>((r) => this.server.close(() => r()));
    for (const c of this.cleanups) c();
  }
}

/** A proxy in front of the test cluster's kube-apiserver, and a copy of a kubeconfig aimed at it. */
export async function apiServerProxy(
  kubeconfig = process.env.STRATUS_KUBECONFIG ?? files(profile('test')).dashboardKubeconfig,
): Promise<{ proxy: FaultProxy; kubeconfig: string }> {
  const f = files(profile('test'));
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfig);
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error(`${kubeconfig} has no current cluster`);
  const proxy = await FaultProxy.start({
    upstream: cluster.server,
    cert: readFileSync(f.servingCert),
    key: readFileSync(f.servingKey),
    ca: readFileSync(f.caCert),
  });
  const aimed = new KubeConfig();
  aimed.loadFromOptions({
    clusters: kc.clusters.map((c) => (c.name === cluster.name ? { ...c, server: proxy.url } : c)),
    users: kc.users,
    contexts: kc.contexts,
    currentContext: kc.currentContext,
  });
  const file = path.join(os.tmpdir(), `stratus-fault-${process.pid}-${Date.now()}.kubeconfig`);
  writeFileSync(file, aimed.exportConfig(), { mode: 0o600 });
  proxy.cleanups.push(() => rmSync(file, { force: true }));
  return { proxy, kubeconfig: file };
}

/** A proxy in front of the test cluster's LINSTOR controller REST API stand-in. */
export function linstorProxy(): Promise<FaultProxy> {
  const p = profile('test');
  const l = linstorFiles(p);
  return FaultProxy.start({
    upstream: linstorUrl(p),
    cert: readFileSync(l.cert),
    key: readFileSync(l.key),
    ca: readFileSync(files(p).caCert),
  });
}
