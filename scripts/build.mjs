// `npm run build`: next build, then the static chunks compressed once for the server to send as-is.
import { spawnSync } from 'node:child_process';

import { compressStatic } from '../lib/serving/compress-build.mjs';

const distDir = process.env.STRATUS_DIST_DIR || '.next';
const built = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const t = await compressStatic(distDir);
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(
  `stratus: compressed ${t.files} static files in ${distDir}: ${kib(t.bytes)} → brotli ${kib(t.br)}, gzip ${kib(t.gzip)}`,
);
