// Writes .br and .gz beside every compressible file of a Next build's static output, once, at build
// time (brotli at its best setting takes ~1 s per MB, too slow per request).
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const br = promisify(brotliCompress);
const gz = promisify(gzip);
export const COMPRESSIBLE = /\.(js|mjs|css|map|json|svg|txt|html|wasm)$/;
// Below this the headers cost more than the saving.
const MIN_BYTES = 1024;

async function* files(dir) {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.isFile()) yield p;
  }
}

/** Compresses `<distDir>/static`; returns totals for the build log. */
export async function compressStatic(distDir) {
  const root = path.join(distDir, 'static');
  const totals = { files: 0, bytes: 0, br: 0, gzip: 0 };
  for await (const file of files(root)) {
    if (!COMPRESSIBLE.test(file) || (await stat(file)).size < MIN_BYTES) continue;
    const body = await readFile(file);
    const [b, g] = await Promise.all([
      br(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
      gz(body, { level: 9 }),
    ]);
    await Promise.all([writeFile(`${file}.br`, b), writeFile(`${file}.gz`, g)]);
    totals.files += 1;
    totals.bytes += body.length;
    totals.br += b.length;
    totals.gzip += g.length;
  }
  return totals;
}
