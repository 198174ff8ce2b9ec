import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { compressStatic } from './compress-build.mjs';
import { pickEncoding, servePrecompressed, staticFile } from './precompressed.mjs';

describe('pickEncoding', () => {
  it('prefers brotli, falls back to gzip, honours q=0', () => {
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(pickEncoding('gzip')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(pickEncoding('identity')).toBeUndefined();
    expect(pickEncoding(undefined)).toBeUndefined();
    expect(pickEncoding('*')).toBe('br');
  });
});

describe('staticFile', () => {
  const dist = '/srv/app/.next';
  it('maps static chunk URLs into the static directory only', () => {
    expect(staticFile(dist, '/_next/static/chunks/a.js?v=1')).toBe(
      '/srv/app/.next/static/chunks/a.js',
    );
    expect(staticFile(dist, '/_next/static/../server/app.js')).toBeUndefined();
    expect(staticFile(dist, '/_next/static/%2e%2e/server/app.js')).toBeUndefined();
    expect(staticFile(dist, '/_next/static/chunks%2fa.js')).toBeUndefined();
    expect(staticFile(dist, '/_next/static/chunks/a.exe')).toBeUndefined();
    expect(staticFile(dist, '/t/acme')).toBeUndefined();
  });
});

describe('servePrecompressed', () => {
  it('sends the build-time brotli file with its type, or leaves the request to Next', async () => {
    const dist = await mkdtemp(path.join(os.tmpdir(), 'stratus-static-'));
    await mkdir(path.join(dist, 'static', 'chunks'), { recursive: true });
    const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;
    await writeFile(path.join(dist, 'static', 'chunks', 'app.js'), script);
    await writeFile(path.join(dist, 'static', 'chunks', 'tiny.js'), '1');
    const totals = await compressStatic(dist);
    expect(totals.files).toBe(1);
    expect(totals.br).toBeLessThan(totals.bytes / 10);

    const server = createServer((req, res) => {
      void servePrecompressed(dist, req, res).then((served) => {
        if (!served) res.writeHead(299).end('next');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const get = (p: string, enc: string) =>
      new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
        (resolve, reject) => {
          const req = request(
            { host: '127.0.0.1', port, path: p, headers: { 'accept-encoding': enc } },
            (res) => {
              const parts: Buffer[] = [];
              res.on('data', (c: Buffer) => parts.push(c));
              res.on('end', () =>
                resolve({
                  status: res.statusCode ?? 0,
                  headers: res.headers,
                  body: Buffer.concat(parts),
                }),
              );
            },
          );
          req.on('error', reject);
          req.end();
        },
      );
    try {
      const br = await get('/_next/static/chunks/app.js', 'gzip, br');
      expect(br.status).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['content-type']).toMatch(/^application\/javascript/);
      expect(br.headers['cache-control']).toContain('immutable');
      expect(brotliDecompressSync(br.body).toString()).toBe(script);
      expect((await get('/_next/static/chunks/app.js', 'gzip')).headers['content-encoding']).toBe(
        'gzip',
      );
      // No precompressed copy, or no acceptable encoding: Next answers.
      expect((await get('/_next/static/chunks/tiny.js', 'br')).status).toBe(299);
      expect((await get('/_next/static/chunks/app.js', 'identity')).status).toBe(299);
    } finally {
      server.close();
    }
  });
});
