// Many open live streams: N SSE streams spread over the load readers (acme viewers, 16 streams each
// at most, lib/live/hub.ts), each watching acme's Services and VMs, so every change fans out to all
// of them. With them open: the change-to-screen latency of alice's page (bench/live-latency.ts),
// then the app server's memory held for `minutes` while a Service is created and deleted every 10 s.
import { CoreV1Api } from '@kubernetes/client-node';

import { loadUsers } from '../devcluster/src/demo-users';
import { liveLatency } from './live-latency';
import { admin, browser, signedIn } from './lib';
import { openSubscribedStream, serverRssKiB } from './stream-memory';

const PER_PERSON = 16;

export interface ManyStreamsResult {
  streams: number;
  latency: { p50: number; p95: number; max: number; n: number };
  /** RSS at each minute of the hold (index 0: just after opening and measuring latency), MiB. */
  rssMiB: number[];
  beforeMiB: number;
  /** Least-squares slope over the hold, MiB per minute. */
  slopeMiBPerMin: number;
  churn: number;
}

/** Least-squares slope of y over its index. */
export function slope(y: number[]): number {
  const n = y.length;
  if (n < 2) return 0;
  const mx = (n - 1) / 2;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  y.forEach((v, x) => {
    num += (x - mx) * (v - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

export async function manyStreams(
  streams = 200,
  minutes = 10,
  changes = 50,
): Promise<ManyStreamsResult> {
  const people = loadUsers.slice(0, Math.ceil(streams / PER_PERSON));
  if (people.length * PER_PERSON < streams)
    throw new Error(`${streams} streams need more than ${loadUsers.length} load readers`);
  const b = await browser();
  const cookies: string[] = [];
  try {
    for (const p of people) {
      const ctx = await signedIn(b, p.email, p.password);
      cookies.push((await ctx.cookies()).map((c) => `${c.name}=${c.value}`).join('; '));
      await ctx.close();
    }
  } finally {
    await b.close();
  }
  const before = serverRssKiB() / 1024;
  const subs = [
    { model: 'services', namespace: 'tenant-acme' },
    { model: 'virtualmachines', namespace: 'tenant-acme' },
  ];
  const open = [];
  for (let i = 0; i < streams; i++)
    open.push(await openSubscribedStream(cookies[i % cookies.length] ?? '', subs));
  try {
    const latency = await liveLatency(changes);
    const core = admin().makeApiClient(CoreV1Api);
    const rssMiB = [serverRssKiB() / 1024];
    const until = Date.now() + minutes * 60_000;
    let churn = 0;
    let nextSample = Date.now() + 60_000;
    while (Date.now() < until) {
      // A change every 5 s reaches every stream: memory held with traffic, not idle sockets.
      const svc = `churn-${Date.now().toString(36)}`;
      await core.createNamespacedService({
        namespace: 'tenant-acme',
        body: { metadata: { name: svc }, spec: { ports: [{ port: 80 }] } },
      });
      await new Promise((r) => setTimeout(r, 5_000));
      await core.deleteNamespacedService({ namespace: 'tenant-acme', name: svc });
      churn++;
      await new Promise((r) => setTimeout(r, 5_000));
      if (Date.now() >= nextSample) {
        rssMiB.push(serverRssKiB() / 1024);
        console.error(
          `many-streams: ${rssMiB.length - 1} min, RSS ${rssMiB.at(-1)?.toFixed(0)} MiB`,
        );
        nextSample += 60_000;
      }
    }
    return { streams, latency, rssMiB, beforeMiB: before, slopeMiBPerMin: slope(rssMiB), churn };
  } finally {
    for (const s of open) s.close();
  }
}

export function manyStreamsReport(r: ManyStreamsResult): string {
  const l = r.latency;
  return (
    `with ${r.streams} live streams open (2 watches each): change → page p50 ${l.p50.toFixed(0)} ms, ` +
    `p95 ${l.p95.toFixed(0)} ms, max ${l.max.toFixed(0)} ms, n=${l.n} (target p95 ≤ 250 ms); ` +
    `server RSS ${r.beforeMiB.toFixed(0)} MiB before → ${r.rssMiB.map((m) => m.toFixed(0)).join(', ')} MiB ` +
    `per minute held (${r.churn} Service create+delete meanwhile), slope ${r.slopeMiBPerMin.toFixed(2)} MiB/min`
  );
}
