import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LinstorClient, LinstorError, linstorReason } from './client';

let server: http.Server;
let url = '';
const seen: { auth?: string; url?: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({ auth: req.headers.authorization, url: req.url });
    if (req.url?.startsWith('/slow')) return; // never answers
    if (req.url?.startsWith('/garbage')) return res.end('<html>');
    if (req.headers.authorization !== 'Bearer t0k')
      return res.writeHead(401).end(JSON.stringify([{ ret_code: -1, message: 'no' }]));
    if (req.url?.startsWith('/missing'))
      return res.writeHead(404).end(JSON.stringify([{ ret_code: -2, message: 'not found' }]));
    res.end(JSON.stringify([{ name: 'n1', connection_status: 'ONLINE' }]));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const client = (over: Partial<ConstructorParameters<typeof LinstorClient>[0]> = {}) =>
  new LinstorClient({ url, token: () => 't0k', timeoutMs: 300, ...over });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof LinstorError ? e.reason : 'other'),
  );

describe('LinstorClient', () => {
  it('sends the bearer token and repeated list filters', async () => {
    const nodes = await client().get<{ name: string }[]>('/v1/view/resources', {
      resources: ['pvc-a', 'pvc-b'],
    });
    expect(nodes).toEqual([{ name: 'n1', connection_status: 'ONLINE' }]);
    expect(seen.at(-1)).toEqual({
      auth: 'Bearer t0k',
      url: '/v1/view/resources?resources=pvc-a&resources=pvc-b',
    });
  });

  it('maps refusals, slowness, garbage and a dead port to reasons with sentences', async () => {
    expect(await failure(client({ token: () => 'wrong' }).get('/v1/nodes'))).toBe('unauthorized');
    expect(await failure(client().get('/missing'))).toBe('refused');
    expect(await failure(client().get('/slow'))).toBe('timeout');
    expect(await failure(client().get('/garbage'))).toBe('badAnswer');
    expect(await failure(client({ url: 'http://127.0.0.1:1' }).get('/v1/nodes'))).toBe(
      'unreachable',
    );
    expect(linstorReason(new LinstorError('timeout'))).toEqual({ key: 'linstor.error.timeout' });
    expect(linstorReason(new Error('x'))).toEqual({ key: 'linstor.error.badAnswer' });
  });
});
