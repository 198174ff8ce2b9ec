// First-load JavaScript per route, gzip, from the build output's manifests: the scripts a first load
// of a route fetches are the build's root main files (build-manifest.json rootMainFiles; the
// polyfills are nomodule and skipped by current browsers) and every chunk the route's client
// reference manifest lists for its layouts, page and boundaries (entryJSFiles), each counted once.
// Sizes are gzip level 9, as scripts/build.mjs stores them beside the chunks for the server to send.
//
//   node --import tsx bench/first-load-js.ts [--dist .next-bench]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';

/** The budget per route, in kB (1000 bytes). */
export const BUDGET_KB = 200;

interface RouteManifest {
  entryJSFiles?: Record<string, string[]>;
}

/** `globalThis.__RSC_MANIFEST["/x/page"] = {...}` → route "/x/page" and its manifest. */
export function parseRouteManifest(source: string): Record<string, RouteManifest> {
  const sandbox: { __RSC_MANIFEST?: Record<string, RouteManifest> } = {};
  runInNewContext(source, { globalThis: sandbox });
  return sandbox.__RSC_MANIFEST ?? {};
}

/** The scripts a first load of the route fetches, each once, in load order. */
export function firstLoadFiles(rootMainFiles: string[], route: RouteManifest): string[] {
  return [...new Set([...rootMainFiles, ...Object.values(route.entryJSFiles ?? {}).flat()])];
}

/** "/(app)/t/[tenant]/page" → "/t/[tenant]" (route groups are not in the URL). */
export function routePath(key: string): string {
  const p = key
    .replace(/\/page$/, '')
    .split('/')
    .filter((s) => !/^\(.*\)$/.test(s))
    .join('/');
  return p || '/';
}

export interface RouteJs {
  route: string;
  files: number;
  gzipBytes: number;
}

/** Per route, the gzip bytes of its first-load scripts, largest first. */
export function firstLoadJs(dist = process.env.STRATUS_DIST_DIR ?? '.next-bench'): RouteJs[] {
  const build = JSON.parse(readFileSync(path.join(dist, 'build-manifest.json'), 'utf8')) as {
    rootMainFiles: string[];
  };
  const gz = new Map<string, number>();
  const gzipOf = (file: string) => {
    let n = gz.get(file);
    if (n === undefined) {
      const p = path.join(dist, file);
      try {
        n = readFileSync(`${p}.gz`).length;
      } catch {
        n = gzipSync(readFileSync(p), { level: 9 }).length; // below the build's 1 KiB floor
      }
      gz.set(file, n);
    }
    return n;
  };
  const out: RouteJs[] = [];
  const appDir = path.join(dist, 'server', 'app');
  for (const rel of readdirSync(appDir, { recursive: true, encoding: 'utf8' })) {
    if (!rel.endsWith('page_client-reference-manifest.js')) continue;
    const manifests = parseRouteManifest(readFileSync(path.join(appDir, rel), 'utf8'));
    for (const [key, m] of Object.entries(manifests)) {
      if (key.startsWith('/_')) continue; // Next's own not-found and global-error pages
      const files = firstLoadFiles(build.rootMainFiles, m);
      out.push({
        route: routePath(key),
        files: files.length,
        gzipBytes: files.reduce((s, f) => s + gzipOf(f), 0),
      });
    }
  }
  return out.sort((a, b) => b.gzipBytes - a.gzipBytes);
}

export function firstLoadJsReport(routes: RouteJs[]): string {
  const kB = (n: number) => (n / 1000).toFixed(0);
  const over = routes.filter((r) => r.gzipBytes > BUDGET_KB * 1000);
  return [
    `first-load JS per route (gzip, from the build manifests), ${routes.length} routes; target ≤ ${BUDGET_KB} kB each: ` +
      (over.length ? `${over.length} over` : 'all within'),
    ...routes.map(
      (r) =>
        `  ${r.route}: ${kB(r.gzipBytes)} kB (${(r.gzipBytes / 1024).toFixed(0)} KiB, ${r.files} scripts)${r.gzipBytes > BUDGET_KB * 1000 ? ' OVER' : ''}`,
    ),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { dist: { type: 'string' } } });
  console.log(firstLoadJsReport(firstLoadJs(values.dist)));
}
