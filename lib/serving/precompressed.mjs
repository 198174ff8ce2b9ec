// Serves Next's static chunks (/_next/static/…) from the .br/.gz files written at build time, so a
// deployment without a compressing ingress sends 3–4× less script. Everything else (pages, the live
// stream) is left to Next, uncompressed and unbuffered.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.js': 'application/javascript; charset=utf-8',
  '.mjs': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.wasm': 'application/wasm',
};
const PREFIX = '/_next/static/';

/** Which encoding to send, from Accept-Encoding (q=0 means refused). Brotli first. */
export function pickEncoding(acceptEncoding) {
  const offered = new Map();
  for (const part of String(acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    offered.set(name, q ? Number(q.slice(2)) : 1);
  }
  const ok = (e) => (offered.get(e) ?? offered.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return undefined;
}

/** The file under `<distDir>/static` a URL names, or undefined (other URLs, `..`, encoded slashes). */
export function staticFile(distDir, url) {
  const pathname = String(url ?? '').split('?')[0] ?? '';
  if (!pathname.startsWith(PREFIX) || /%2f|%5c|%00/i.test(pathname)) return undefined;
  let rel;
  try {
    rel = decodeURIComponent(pathname.slice(PREFIX.length));
  } catch {
    return undefined;
  }
  const root = path.resolve(distDir, 'static');
  const file = path.resolve(root, rel);
  if (!file.startsWith(root + path.sep) || !TYPES[path.extname(file)]) return undefined;
  return file;
}

/**
 * Answers the request from a precompressed file when there is one; returns false to let Next
 * handle it (no such file, no acceptable encoding, not a GET/HEAD).
 */
export async function servePrecompressed(distDir, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const file = staticFile(distDir, req.url);
  if (!file) return false;
  const encoding = pickEncoding(req.headers['accept-encoding']);
  if (!encoding) return false;
  const compressed = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
  const info = await stat(compressed).catch(() => undefined);
  if (!info?.isFile()) return false;
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file)],
    'Content-Encoding': encoding,
    'Content-Length': info.size,
    // Chunk names carry a content hash, as Next's own static handler says.
    'Cache-Control': 'public, max-age=31536000, immutable',
    Vary: 'Accept-Encoding',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(compressed).pipe(res);
  return true;
}
