// The upstream half of the console proxy: a WebSocket to KubeVirt's subresource API through
// kube-apiserver as the person — with their own ID token (token passthrough), or in the
// impersonation fallback with the dashboard's credential (STRATUS_KUBECONFIG, as lib/k8s/client.ts
// loads it) and their Impersonate-User/Impersonate-Group — so RBAC on kube-apiserver decides.
import { readFileSync } from 'node:fs';
import https from 'node:https';

import { KubeConfig } from '@kubernetes/client-node';
import WebSocket from 'ws';

export const SUBPROTOCOL = 'plain.kubevirt.io';
const DIAL_TIMEOUT_MS = 10_000;
const PROBE_TIMEOUT_MS = 3_000;

const bytes = (data, file) =>
  data ? Buffer.from(data, 'base64') : file ? readFileSync(file) : undefined;

/** The API server, TLS settings and credential of the dashboard's identity. */
export function loadTransport(file = process.env.STRATUS_KUBECONFIG) {
  const kc = new KubeConfig();
  if (file) kc.loadFromFile(file);
  else kc.loadFromCluster();
  const cluster = kc.getCurrentCluster();
  const user = kc.getCurrentUser();
  if (!cluster || !user) throw new Error('STRATUS_KUBECONFIG has no current cluster/user');
  return {
    server: new URL(cluster.server),
    tls: {
      ca: bytes(cluster.caData, cluster.caFile),
      cert: bytes(user.certData, user.certFile),
      key: bytes(user.keyData, user.keyFile),
      rejectUnauthorized: !cluster.skipTLSVerify,
    },
    async authHeaders() {
      // Re-read per dial: in-cluster tokens rotate, exec providers refresh.
      const opts = await kc.applyToFetchOptions({});
      const out = {};
      opts.headers?.forEach?.((v, k) => {
        if (k.toLowerCase() === 'authorization') out.Authorization = v;
      });
      return out;
    },
  };
}

export function consolePath({ namespace, name, kind, preserveSession }) {
  const path =
    `/apis/subresources.kubevirt.io/v1/namespaces/${encodeURIComponent(namespace)}` +
    `/virtualmachineinstances/${encodeURIComponent(name)}/${kind}`;
  return kind === 'vnc' && preserveSession ? `${path}?preserveSession=true` : path;
}

/** The person the ticket names, as kube-apiserver's impersonation headers. */
export function impersonation({ username, groups }) {
  return {
    'Impersonate-User': username,
    ...(groups.length ? { 'Impersonate-Group': groups } : {}),
  };
}

function statusMessage(text) {
  try {
    const body = JSON.parse(text);
    if (typeof body?.message === 'string') return body.message;
  } catch {
    /* not a Status: plain text */
  }
  return text.slice(0, 500);
}

/**
 * Opens the console the ticket names. Resolves to the open socket, with the messages that arrived
 * before anyone listened (the RFB greeting comes at once), or to the refusal: HTTP status (0 when
 * nothing answered) and the Status message.
 */
export async function dialUpstream(transport, claims, { timeoutMs = DIAL_TIMEOUT_MS } = {}) {
  const url = new URL(consolePath(claims), transport.server);
  url.protocol = url.protocol === 'http:' ? 'ws:' : 'wss:';
  const headers = claims.token
    ? { Authorization: `Bearer ${claims.token}` }
    : { ...(await transport.authHeaders()), ...impersonation(claims) };
  return new Promise((resolve) => {
    const ws = new WebSocket(url, [SUBPROTOCOL], {
      ...transport.tls,
      headers,
      handshakeTimeout: timeoutMs,
      perMessageDeflate: false,
      followRedirects: false,
    });
    let settled = false;
    const settle = (v) => {
      if (settled) return;
      settled = true;
      resolve(v);
    };
    ws.on('error', (err) => settle({ ok: false, status: 0, message: err.message }));
    ws.once('unexpected-response', (req, res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => {
        if (text.length < 64 * 1024) text += c;
      });
      res.on('end', () => {
        settle({ ok: false, status: res.statusCode ?? 0, message: statusMessage(text) });
        req.destroy();
      });
    });
    ws.once('open', () => {
      const early = [];
      const keep = (data, isBinary) => early.push([data, isBinary]);
      ws.on('message', keep);
      settle({ ok: true, ws, early, stopBuffering: () => ws.off('message', keep) });
    });
  });
}

/**
 * Whether kube-apiserver answers /readyz now, with the dashboard's credential: after an open
 * console drops without a close frame, tells a takeover (it does) from an API server that went away.
 */
export async function apiServerUp(transport, { timeoutMs = PROBE_TIMEOUT_MS } = {}) {
  const headers = await transport.authHeaders().catch(() => ({}));
  return new Promise((resolve) => {
    const req = https.get(
      new URL('/readyz', transport.server),
      { ...transport.tls, headers, timeout: timeoutMs, agent: false },
      (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(false));
  });
}
