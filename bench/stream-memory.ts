// Plumbing for the stream benchmarks (bench/many-streams.ts, bench/vm-list.ts): the app server's
// RSS, and a live stream opened over plain HTTP as a signed-in person.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import http from 'node:http';

import { appUrl } from './lib';

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

/** Opens `/api/live` with the session cookie; resolves with the stream id, then drains what arrives. */
function openStream(cookie: string): Promise<{ id: string; close: () => void }> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      `${appUrl}/api/live`,
      { headers: { cookie, accept: 'text/event-stream' } },
      (res) => {
        if (res.statusCode !== 200) reject(new Error(`/api/live answered ${res.statusCode}`));
        let buf = '';
        let id: string | undefined;
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          if (id) return;
          buf += c;
          id = /"streamId":"([^"]+)"/.exec(buf)?.[1];
          if (id) resolve({ id, close: () => req.destroy() });
        });
      },
    );
    req.on('error', reject);
  });
}

/** A live stream with `subscriptions` set, as a tab's live provider does. */
export async function openSubscribedStream(
  cookie: string,
  subscriptions: { model: string; namespace: string }[],
): Promise<{ close: () => void }> {
  const s = await openStream(cookie);
  const res = await fetch(`${appUrl}/api/live/subscriptions`, {
    method: 'POST',
    headers: { cookie, origin: appUrl, 'content-type': 'application/json' },
    body: JSON.stringify({ streamId: s.id, subscriptions }),
  });
  if (res.status !== 204) {
    s.close();
    throw new Error(`subscribe failed: ${res.status} ${await res.text()}`);
  }
  return s;
}
