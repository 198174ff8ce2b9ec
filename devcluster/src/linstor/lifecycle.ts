// Starting the LINSTOR stand-in as a devcluster component: its serving certificate (from the
// devcluster CA), its bearer token (made once, kept in the data dir), and the app's settings.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import https from 'node:https';
import path from 'node:path';

import { files, repoRoot, type Profile } from '../config.ts';
import { ensureCert } from '../pki.ts';
import { spawnProcess, waitFor } from '../processes.ts';

export function linstorFiles(p: Profile) {
  const dir = path.join(p.dataDir, 'linstor');
  return {
    dir,
    cert: path.join(files(p).pki, 'linstor-controller.crt'),
    key: path.join(files(p).pki, 'linstor-controller.key'),
    token: path.join(dir, 'token'),
  };
}

export const linstorUrl = (p: Profile) => `https://127.0.0.1:${p.ports.linstor}`;

/** What the app reads (lib/env.ts): where the API is, the CA to trust, the token file. */
export function linstorEnv(p: Profile): Record<string, string> {
  const f = linstorFiles(p);
  return {
    STRATUS_LINSTOR_URL: linstorUrl(p),
    STRATUS_LINSTOR_CA_FILE: files(p).caCert,
    STRATUS_LINSTOR_TOKEN_FILE: f.token,
  };
}

/** GET /v1/controller/version, trusting the devcluster CA. */
export function linstorVersion(p: Profile): Promise<number> {
  return new Promise((resolve, reject) => {
    readFile(files(p).caCert)
      .then((ca) => {
        https
          .get(`${linstorUrl(p)}/v1/controller/version`, { ca, timeout: 2000 }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          })
          .on('error', reject);
      })
      .catch(reject);
  });
}

export async function startLinstor(p: Profile): Promise<void> {
  const f = linstorFiles(p);
  await mkdir(f.dir, { recursive: true, mode: 0o700 });
  await ensureCert(files(p).pki, {
    ca: [files(p).caCert, files(p).caKey],
    out: [f.cert, f.key],
    cn: 'linstor-controller.piraeus-datastore.svc',
    ext: 'subjectAltName=DNS:linstor-controller.piraeus-datastore.svc,DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n',
  });
  if (!existsSync(f.token))
    await writeFile(f.token, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600 });
  await spawnProcess(p, {
    name: 'linstor',
    command: process.execPath,
    ports: [p.ports.linstor],
    args: [
      '--import',
      'tsx',
      path.join(repoRoot, 'devcluster', 'src', 'linstor', 'main.ts'),
      '--kubeconfig',
      files(p).simulatorKubeconfig,
      '--port',
      String(p.ports.linstor),
      '--cert',
      f.cert,
      '--key',
      f.key,
      '--token-file',
      f.token,
      // Resync after a satellite returns: 20 s in the demo, 2 s in tests.
      '--resync-ms',
      String(Math.round(20_000 * p.simulatorSpeed)),
    ],
  });
  await waitFor(p, 'linstor', async () => (await linstorVersion(p)) === 200, 30_000);
  process.stderr.write(`devcluster: LINSTOR API stand-in on ${linstorUrl(p)}\n`);
}
