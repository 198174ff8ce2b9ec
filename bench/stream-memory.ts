// Server memory with many open live streams: opens N SSE streams (each watching two lists) as alice,
// samples the app server's RSS before, after opening, and after holding them, then closes them.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import http from 'node:http';

import { appUrl, browser, signedIn } from './lib';

export function serverRssKiB(): number {
  // The app server: Stratus's custom server (node server.mjs), which runs Next in-process.
  const pids = execFileSync('pgrep', ['-f', 'server.mjs|next-server'], { encoding: 'utf8' })
    .trim()
    .split('\n');
  return pids.reduce((sum, pid) => {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return sum + Number(m?.[1] ?? 0);
  }, 0);
}

function openStream(cookie: string): Promise<{ id: string; close: () => void }> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      `${appUrl}/api/live`,
      { headers: { cookie, accept: 'text/event-stream' } },
      (res) => {
        let buf = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          buf += c;
          const m = /"streamId":"([^"]+)"/.exec(buf);
          if (m?.[1]) {
            buf = '';
            resolve({ id: m[1], close: () => req.destroy() });
          }
        });
      },
    );
    req.on('error', reject);
  });
}

export async function streamMemory(n = 100, holdMs = 30_000) {
  const b = await browser();
  const ctx = await signedIn(b, 'alice@acme.example', 'alice-demo');
  const cookie = (await ctx.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  await b.close();
  global.gc?.();
  const before = serverRssKiB();
  const streams = [];
  for (let i = 0; i < n; i++) {
    const s = await openStream(cookie);
    const res = await fetch(`${appUrl}/api/live/subscriptions`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        streamId: s.id,
        subscriptions: [
          { model: 'services', namespace: 'tenant-acme' },
          { model: 'virtualmachines', namespace: 'tenant-acme' },
        ],
      }),
    });
    if (res.status !== 204) throw new Error(`subscribe failed: ${res.status}`);
    streams.push(s);
  }
  await new Promise((r) => setTimeout(r, 3000)); // let every list+watch settle before sampling
  const opened = serverRssKiB();
  await new Promise((r) => setTimeout(r, holdMs)); // hold: growth here would be a leak
  const held = serverRssKiB();
  for (const s of streams) s.close();
  return {
    n,
    beforeMiB: before / 1024,
    openedMiB: opened / 1024,
    heldMiB: held / 1024,
    perStreamKiB: (opened - before) / n,
    driftWhileHeldKiB: held - opened,
  };
}
