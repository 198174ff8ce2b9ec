// Prometheus metrics for the whole process. Next bundles server code separately from server.mjs, so
// the one registry lives on globalThis; whichever copy loads first creates it.
import client from 'prom-client';

const KEY = Symbol.for('stratus.metrics');
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function create() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'stratus_' });
  const registers = [registry];
  return {
    registry,
    http: new client.Histogram({
      name: 'stratus_http_request_duration_seconds',
      help: 'HTTP requests the dashboard answered, by route pattern, method and status.',
      labelNames: ['route', 'method', 'status'],
      buckets: SECONDS,
      registers,
    }),
    apiserver: new client.Histogram({
      name: 'stratus_apiserver_request_duration_seconds',
      help: 'Requests to the Kubernetes API server, by verb, resource and response code.',
      labelNames: ['verb', 'resource', 'code'],
      buckets: SECONDS,
      registers,
    }),
    apiserverErrors: new client.Counter({
      name: 'stratus_apiserver_request_errors_total',
      help: 'API-server requests that failed: HTTP 5xx, timeouts and unreachable.',
      labelNames: ['verb', 'resource', 'reason'],
      registers,
    }),
    signIns: new client.Counter({
      name: 'stratus_sign_ins_total',
      help: 'Sign-ins and sign-outs through the OIDC provider.',
      labelNames: ['event'],
      registers,
    }),
    actions: new client.Counter({
      name: 'stratus_actions_total',
      help: 'Server actions by name and outcome (ok, or the refusal code).',
      labelNames: ['action', 'outcome'],
      registers,
    }),
    liveForwarded: new client.Counter({
      name: 'stratus_live_forwarded_total',
      help: 'Subscription changes handed to the replica that holds the stream.',
      labelNames: ['outcome'],
      registers,
    }),
    liveStreams: new client.Gauge({
      name: 'stratus_live_streams',
      help: 'Open live streams (one per browser tab).',
      registers,
      collect() {
        this.set(globalThis.__stratusLiveHub?.streams.size ?? 0);
      },
    }),
    watches: new client.Gauge({
      name: 'stratus_live_watches',
      help: 'Watches the live streams hold open on the API server.',
      registers,
      collect() {
        let n = 0;
        for (const s of globalThis.__stratusLiveHub?.streams.values() ?? [])
          n += s.subscriptionCount();
        this.set(n);
      },
    }),
    consoles: new client.Gauge({
      name: 'stratus_console_sessions',
      help: 'Open VM console sessions (VNC and serial).',
      registers,
      collect() {
        this.set(globalThis[Symbol.for('stratus.consoleSessions')]?.open ?? 0);
      },
    }),
  };
}

/** @returns {ReturnType<typeof create>} */
export function metrics() {
  globalThis[KEY] ??= create();
  return globalThis[KEY];
}

const TENANT_SEGMENT = new Set(['t', 'tenants']);
/**
 * A bounded route label from a path: names and tenants become `:tenant`/`:name`, so the label set
 * stays as small as the route table.
 */
export function routeLabel(url) {
  const pathname = String(url ?? '/').split('?')[0] ?? '/';
  if (pathname.startsWith('/_next/static/')) return '/_next/static';
  if (pathname.startsWith('/_next/')) return '/_next';
  const parts = pathname.split('/').filter(Boolean).slice(0, 6);
  const out = [];
  for (let i = 0; i < parts.length; i++) {
    const prev = parts[i - 1];
    const part = parts[i] ?? '';
    if (prev && TENANT_SEGMENT.has(prev) && (out[0] === 't' || out[0] === 'api'))
      out.push(':tenant');
    else if (out[0] === 'api' && out[1] === 'auth' && i >= 2) {
      out.push('*');
      break;
    } else if (i === 4 && out[0] === 'api' && out[1] === 'tenants') out.push(':name');
    else if (i >= 3 && out[0] === 't') out.push(i === 3 ? ':name' : part.replace(/[^a-z-]/g, ''));
    else if (i >= 2 && out[0] === 'console') out.push(':name');
    else if (/^[a-z][a-z0-9-]{0,30}$/.test(part)) out.push(part);
    else out.push(':other');
  }
  return `/${out.join('/')}`;
}
