import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { firstLoadFiles, firstLoadJs, parseRouteManifest, routePath } from './first-load-js';

const manifestJs = (key: string, entry: Record<string, string[]>) =>
  `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\n` +
  `globalThis.__RSC_MANIFEST[${JSON.stringify(key)}] = ${JSON.stringify({ clientModules: {}, entryJSFiles: entry })};`;

describe('first-load JS', () => {
  it('reads a route manifest as Next writes it', () => {
    const m = parseRouteManifest(manifestJs('/(app)/x/page', { '[project]/app/layout': ['a.js'] }));
    expect(m['/(app)/x/page']?.entryJSFiles).toEqual({ '[project]/app/layout': ['a.js'] });
  });

  it('counts the root main files and every entry chunk once each', () => {
    const files = firstLoadFiles(['main.js', 'shared.js'], {
      entryJSFiles: {
        '[project]/app/layout': ['shared.js', 'layout.js'],
        '[project]/app/(app)/page': ['shared.js', 'layout.js', 'page.js'],
      },
    });
    expect(files).toEqual(['main.js', 'shared.js', 'layout.js', 'page.js']);
  });

  it('names routes by their URL, without route groups', () => {
    expect(routePath('/(app)/t/[tenant]/virtualmachines/page')).toBe('/t/[tenant]/virtualmachines');
    expect(routePath('/(app)/page')).toBe('/');
  });

  it('sums the gzip sizes the build stored, compressing small files itself', () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'first-load-'));
    const chunks = path.join(dist, 'static', 'chunks');
    const route = path.join(dist, 'server', 'app', '(app)', 'x');
    mkdirSync(chunks, { recursive: true });
    mkdirSync(route, { recursive: true });
    writeFileSync(
      path.join(dist, 'build-manifest.json'),
      JSON.stringify({
        rootMainFiles: ['static/chunks/main.js'],
        polyfillFiles: ['static/chunks/p.js'],
      }),
    );
    writeFileSync(path.join(chunks, 'main.js'), 'x');
    writeFileSync(path.join(chunks, 'main.js.gz'), Buffer.alloc(1000));
    const small = 'console.log(1)';
    writeFileSync(path.join(chunks, 'page.js'), small);
    writeFileSync(
      path.join(route, 'page_client-reference-manifest.js'),
      manifestJs('/(app)/x/page', {
        '[project]/app/layout': ['static/chunks/main.js'],
        '[project]/app/(app)/x/page': ['static/chunks/page.js'],
      }),
    );
    expect(firstLoadJs(dist)).toEqual([
      { route: '/x', files: 2, gzipBytes: 1000 + gzipSync(small, { level: 9 }).length },
    ]);
  });
});
