// Test helpers: WebSockets to the subresource API through kube-apiserver as the dashboard opens
// them (the person's ID token; in the impersonation fallback its own credentials and Impersonate-*
// headers), and a byte reader for RFB and the console.
import path from 'node:path';

import WebSocket, { type RawData } from 'ws';

import { testClusterDir } from '../../../lib/testing/admin.ts';
import type { KubeIdentity } from '../../../lib/k8s/identity.ts';
import { caOf, loadKubeconfig } from '../kube.ts';

export interface Refused {
  status: number;
  body: string;
}

const base = '/apis/subresources.kubevirt.io/v1/namespaces';

export interface Stream {
  ws: WebSocket;
  /** Attached before the upgrade completes, so the server's first bytes are never missed. */
  reader: Reader;
}

/** Opens vnc/console of a VMI as `who`; resolves to the socket or to the API server's refusal. */
export function openStream(
  who: KubeIdentity,
  ns: string,
  vmi: string,
  kind: 'vnc' | 'console',
  query = '',
): Promise<Stream | Refused> {
  const kc = loadKubeconfig(path.join(testClusterDir(), 'dashboard.kubeconfig'));
  const cluster = kc.getCurrentCluster();
  const token = kc.getCurrentUser()?.token;
  if (!cluster || !token) throw new Error('dashboard kubeconfig without cluster or token');
  const url = new URL(
    `${base}/${ns}/virtualmachineinstances/${vmi}/${kind}${query}`,
    cluster.server,
  );
  url.protocol = 'wss:';
  const ws = new WebSocket(url, ['plain.kubevirt.io'], {
    ca: caOf(cluster),
    headers: who.token
      ? { Authorization: `Bearer ${who.token}` }
      : {
          Authorization: `Bearer ${token}`,
          'Impersonate-User': who.username,
          'Impersonate-Group': who.groups,
        },
  });
  const reader = new Reader(ws);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, reader }));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.once('error', reject);
  });
}

export const isRefused = (v: Stream | Refused): v is Refused => 'status' in v;

/** Collects a socket's binary messages as one byte stream. */
export class Reader {
  private buf = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  closed = false;

  constructor(readonly ws: WebSocket) {
    ws.on('message', (d: RawData) => {
      const chunk = Buffer.isBuffer(d) ? d : Array.isArray(d) ? Buffer.concat(d) : Buffer.from(d);
      this.buf = Buffer.concat([this.buf, chunk]);
      this.wake();
    });
    ws.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Exactly `n` bytes, waiting up to `ms` for them. */
  async read(n: number, ms = 10_000): Promise<Buffer> {
    await this.until(() => this.buf.length >= n, ms, `${n} bytes`);
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }

  /** Everything received until the text appears in it (latin1). */
  async readUntil(text: string, ms = 10_000): Promise<string> {
    await this.until(() => this.buf.toString('latin1').includes(text), ms, JSON.stringify(text));
    const s = this.buf.toString('latin1');
    this.buf = Buffer.alloc(0);
    return s;
  }

  async waitClosed(ms = 10_000): Promise<void> {
    await this.until(() => this.closed, ms, 'close');
  }

  private async until(ok: () => boolean, ms: number, what: string): Promise<void> {
    const deadline = Date.now() + ms;
    while (!ok()) {
      if (this.closed && what !== 'close')
        throw new Error(`socket closed while waiting for ${what}`);
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`timed out waiting for ${what}; have ${this.buf.length} bytes`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }
}
