// The tenant isolation matrix (expected.ts): every server action the build exposes, every route
// handler, the live stream and the console WebSocket, as each of six personas. A cell either gets
// what the table says or fails; after every cell the objects the call could touch are unchanged on
// the cluster. The table of outcomes is printed at the end.
import WebSocket from 'ws';

import { appOrigin } from '../auth';
import { expect, test } from '../fixtures';
import { actionSamples, actionNames } from '../../lib/testing/action-samples';
import { changes, clusterState, removeAdded } from './cluster-state';
import { actionRows, consoleRow, liveRow, personaRoles, personas, routeRows } from './expected';
import { builtActions, callAction, callRoute, personaCookies } from './http';

const printed: string[][] = [];
const header = ['', ...personas.map((p) => `${p} (${personaRoles[p]})`)];

test.afterAll(() => {
  if (!printed.length) return;
  const widths = header.map((_, i) =>
    Math.max(...[header, ...printed].map((r) => (r[i] ?? '').length)),
  );
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
  console.log(['tenant isolation matrix', line(header), ...printed.map(line)].join('\n'));
});

/** The objects a call's input names, and probes (iso-…): a refusal that failed shows on these. */
function aimedAt(input: unknown): (key: string) => boolean {
  const names = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') names.add(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(input);
  return (key) => {
    const name = key.split('/').pop() ?? '';
    return names.has(name) || name.startsWith('iso-');
  };
}

function only(state: Map<string, string>, keep: (k: string) => boolean): Map<string, string> {
  return new Map([...state].filter(([k]) => keep(k)));
}

test.describe('tenant isolation matrix', () => {
  test('every action is in the build or marked unreachable', () => {
    const built = builtActions();
    for (const name of actionNames)
      expect(built.has(name), `${name}: in the build`).toBe(!actionRows[name].unreachable);
    expect([...built.keys()].filter((n) => !(n in actionRows))).toEqual([]);
  });

  for (const name of actionNames) {
    const row = actionRows[name];
    if (row.unreachable) continue;
    test(`action ${name}`, async ({ admin }) => {
      const action = builtActions().get(name);
      if (!action) throw new Error(`${name} is not in the build`);
      const cookies = await personaCookies();
      const cells: string[] = [name];
      for (const who of personas) {
        const allowed = row.allowed[who];
        const input = allowed?.input ?? actionSamples[name];
        const want: string =
          allowed?.expect ??
          row.refused?.[who] ??
          (who === 'signedOut' || who === 'expired' ? 'unauthenticated' : 'forbidden');
        const keep = aimedAt(input);
        const before = only(await clusterState(admin, row.touches, row.namespace), keep);
        const answer = await callAction(action, input, cookies[who]);
        expect(answer.status, `${name} as ${who}: ${answer.text.slice(0, 300)}`).toBe(200);
        const got = answer.result
          ? answer.result.ok
            ? 'ok'
            : answer.result.error.code
          : 'no result';
        cells.push(got);
        expect.soft(got, `${name} as ${who}: ${answer.text.slice(0, 300)}`).toBe(want);
        const after = only(await clusterState(admin, row.touches, row.namespace), keep);
        const changed = changes(before, after);
        if (allowed?.creates) await removeAdded(admin, changed, { wait: true });
        else expect(changed, `${name} as ${who} changed the cluster`).toEqual([]);
      }
      printed.push(cells);
    });
  }

  for (const [file, row] of Object.entries(routeRows)) {
    test(`route ${file}`, async ({ admin }) => {
      const cookies = await personaCookies();
      const cells: string[] = [`route ${file}`];
      for (const who of personas) {
        const before = await clusterState(admin, row.touches, row.namespace);
        const res = await callRoute(row, cookies[who]);
        cells.push(String(res.status));
        expect
          .soft(res.status, `${row.method} ${row.url} as ${who}: ${res.text.slice(0, 200)}`)
          .toBe(row.expect[who]);
        if (res.status !== row.expect[who] || res.status < 400) continue;
        expect(changes(before, await clusterState(admin, row.touches, row.namespace))).toEqual([]);
      }
      printed.push(cells);
    });
  }

  test('live subscription to acme VMs', async () => {
    const cookies = await personaCookies();
    const alice = await openStream(cookies.alice);
    const cells = ['live subscription'];
    try {
      for (const who of personas) {
        const got =
          who === 'signedOut' || who === 'expired'
            ? // Nobody to act as: refused before any stream is looked at (alice's, here).
              (await subscribe(cookies[who], alice.id)).status
            : await subscribedAs(cookies[who]);
        cells.push(String(got));
        expect.soft(got, `live as ${who}`).toBe(liveRow[who]);
      }
      // Another person's stream is nobody's to change.
      expect((await subscribe(cookies.bob, alice.id)).status).toBe(404);
    } finally {
      alice.close();
    }
    printed.push(cells);
  });

  test('console WebSocket of acme/web-1', async () => {
    const cookies = await personaCookies();
    const cells = ['console websocket'];
    for (const who of personas) {
      const ticket = await callRoute(
        {
          method: 'POST',
          url: '/api/vms/console-ticket',
          body: { namespace: 'tenant-acme', name: 'web-1', kind: 'console' },
        },
        cookies[who],
      );
      const got =
        ticket.status === 200
          ? await consoleOutcome((JSON.parse(ticket.text) as { ticket: string }).ticket)
          : 'noTicket';
      cells.push(got);
      expect.soft(got, `console as ${who}`).toBe(consoleRow[who]);
    }
    // A forged ticket opens nothing either.
    expect(await consoleOutcome('e30.forged')).toBe('refused');
    printed.push(cells);
  });
});

interface OpenStream {
  id: string;
  next: (match: (m: StreamMsg) => boolean) => Promise<StreamMsg>;
  close: () => void;
}
type StreamMsg = { type: string; streamId?: string; key?: string; error?: { code: string } };

/** GET /api/live as the cookie's person; resolves once the stream says hello. */
async function openStream(cookie: string): Promise<OpenStream> {
  const ac = new AbortController();
  const res = await fetch(`${appOrigin}/api/live`, {
    headers: { Cookie: cookie, Accept: 'text/event-stream' },
    signal: ac.signal,
  });
  expect(res.status).toBe(200);
  const reader = res.body?.getReader();
  if (!reader) throw new Error('no stream body');
  const dec = new TextDecoder();
  let buf = '';
  const next = async (match: (m: StreamMsg) => boolean): Promise<StreamMsg> => {
    for (;;) {
      const cut = buf.indexOf('\n\n');
      if (cut >= 0) {
        const event = buf.slice(0, cut);
        buf = buf.slice(cut + 2);
        const data = /^data: (.*)$/m.exec(event)?.[1];
        const m = data ? (JSON.parse(data) as StreamMsg) : undefined;
        if (m && match(m)) return m;
        continue;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buf += dec.decode(value, { stream: true });
    }
  };
  const hello = await next((m) => m.type === 'hello');
  return { id: hello.streamId ?? '', next, close: () => ac.abort() };
}

function subscribe(cookie: string, streamId: string) {
  return callRoute(
    {
      method: 'POST',
      url: '/api/live/subscriptions',
      body: { streamId, subscriptions: [{ model: 'virtualmachines', namespace: 'tenant-acme' }] },
    },
    cookie,
  );
}

/** Opens a stream of the person's own, subscribes it to acme's VMs: a sync, or the list's error. */
async function subscribedAs(cookie: string): Promise<string> {
  const stream = await openStream(cookie);
  try {
    const res = await subscribe(cookie, stream.id);
    if (res.status !== 204) return String(res.status);
    const m = await stream.next((x) => x.type === 'sync' || x.type === 'error');
    return m.type === 'sync' ? 'sync' : (m.error?.code ?? 'error');
  } finally {
    stream.close();
  }
}

/** Connects as the page does; the first boot line means open, a close before it a refusal. */
function consoleOutcome(ticket: string): Promise<string> {
  const url = `${appOrigin.replace(/^http/, 'ws')}/api/vms/console?ticket=${encodeURIComponent(ticket)}`;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { Origin: appOrigin } });
    ws.once('message', () => {
      resolve('open');
      ws.close(1000);
    });
    ws.once('close', (code) => resolve(code >= 4400 && code < 4500 ? 'refused' : `closed ${code}`));
    ws.once('error', reject);
  });
}
