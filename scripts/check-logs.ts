// After the end-to-end runs: the dashboard's logs must hold no credential — no password, token,
// session cookie, session or client secret, and nothing of any Secret (kubeconfigs) in the cluster.
// Usage: npx tsx scripts/check-logs.ts [test|demo]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { files, profile } from '../devcluster/src/config.ts';
import { knownUsers } from '../devcluster/src/demo-users.ts';

const p = profile(process.argv[2] ?? 'test');
const f = files(p);
const logs = readdirSync(f.logs)
  .filter((n) => /^app.*\.log$/.test(n))
  .map((n) => path.join(f.logs, n));
if (logs.length === 0) throw new Error(`no app logs in ${f.logs}: the servers did not write them`);
const text = logs.map((l) => readFileSync(l, 'utf8')).join('\n');

const secrets = new Map<string, string>();
const add = (what: string, value: string | undefined) => {
  // Short values (a "true", a port) would match by accident and are no credential.
  if (value && value.length >= 8) secrets.set(value, what);
};
for (const u of knownUsers) add(`password of ${u.email}`, u.password);
for (const line of readFileSync(f.appEnv, 'utf8').split('\n')) {
  const [k, ...v] = line.split('=');
  if (k && /SECRET/.test(k)) add(k, v.join('='));
}
const authDir = path.join(p.dataDir, 'e2e-auth');
if (existsSync(authDir))
  for (const n of readdirSync(authDir)) {
    const state = JSON.parse(readFileSync(path.join(authDir, n), 'utf8')) as {
      cookies: { name: string; value: string }[];
    };
    for (const c of state.cookies)
      if (c.name.includes('next-auth')) add(`cookie ${c.name}`, c.value);
  }
const kubectl = path.join(
  execFileSync('bash', ['devcluster/scripts/build.sh'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop()!,
  'kubectl',
);
const list = JSON.parse(
  execFileSync(kubectl, ['get', 'secrets', '-A', '-o', 'json'], {
    encoding: 'utf8',
    env: { ...process.env, KUBECONFIG: f.adminKubeconfig },
    maxBuffer: 256 * 1024 * 1024,
  }),
) as { items: { metadata: { namespace: string; name: string }; data?: Record<string, string> }[] };
for (const s of list.items)
  for (const [k, v] of Object.entries(s.data ?? {})) {
    const what = `Secret ${s.metadata.namespace}/${s.metadata.name} key ${k}`;
    add(what, v.slice(0, 64));
    // Decoded, e.g. a kubeconfig's client key: any 40-character run of it.
    const decoded = Buffer.from(v, 'base64').toString('utf8');
    for (const m of decoded.matchAll(/[A-Za-z0-9+/=_-]{40,}/g)) add(what, m[0].slice(0, 40));
  }

const found: string[] = [];
for (const [value, what] of secrets) if (text.includes(value)) found.push(what);
// ID and access tokens are JWTs: none may be logged, whoever's.
const jwt = /eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{10,}/.exec(text);
if (jwt) found.push('a JSON Web Token');
console.log(
  `checked ${logs.length} app logs (${(text.length / 1024).toFixed(0)} KiB) for ${secrets.size} credentials and tokens`,
);
if (found.length > 0) {
  console.error(`stratus: the dashboard logged credentials: ${[...new Set(found)].join('; ')}`);
  process.exit(1);
}
