// Certificates and credentials for the local control plane. Generated once per data dir.
import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import type { Profile } from './config.ts';
import { files } from './config.ts';

const run = promisify(execFile);

/** Static token identities. The dashboard's only power is impersonation; see deploy/rbac. */
export const identities = {
  admin: { user: 'stratus-admin', groups: ['system:masters'] },
  dashboard: { user: 'stratus-dashboard', groups: [] as string[] },
  simulator: { user: 'stratus-simulator', groups: [] as string[] },
} as const;
export type Identity = keyof typeof identities;

export async function ensurePki(p: Profile): Promise<void> {
  const f = files(p);
  await mkdir(f.pki, { recursive: true, mode: 0o700 });
  if (!existsSync(f.caCert)) {
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '3650',
      '-subj',
      '/CN=stratus-devcluster-ca',
      '-keyout',
      f.caKey,
      '-out',
      f.caCert,
    ]);
  }
  if (!existsSync(f.servingCert)) {
    const csr = path.join(f.pki, 'apiserver.csr');
    const ext = path.join(f.pki, 'apiserver.ext');
    await writeFile(
      ext,
      'subjectAltName=IP:127.0.0.1,IP:10.96.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default.svc\nextendedKeyUsage=serverAuth\n',
    );
    await run('openssl', [
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=kube-apiserver',
      '-keyout',
      f.servingKey,
      '-out',
      csr,
    ]);
    await run('openssl', [
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      f.caCert,
      '-CAkey',
      f.caKey,
      '-CAcreateserial',
      '-days',
      '3650',
      '-extfile',
      ext,
      '-out',
      f.servingCert,
    ]);
  }
  if (!existsSync(f.saKey)) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await writeFile(f.saKey, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    await writeFile(f.saPub, publicKey.export({ type: 'spki', format: 'pem' }));
  }
  if (!existsSync(f.tokens)) {
    const lines = Object.values(identities).map(({ user, groups }) =>
      [randomBytes(24).toString('hex'), user, user, groups.length ? `"${groups.join(',')}"` : '']
        .filter(Boolean)
        .join(','),
    );
    await writeFile(f.tokens, lines.join('\n') + '\n', { mode: 0o600 });
  }
  const ca = await readFile(f.caCert);
  const server = `https://127.0.0.1:${p.ports.apiserver}`;
  for (const [id, file] of [
    ['admin', f.adminKubeconfig],
    ['dashboard', f.dashboardKubeconfig],
    ['simulator', f.simulatorKubeconfig],
  ] as const) {
    await writeFile(file, kubeconfig(server, ca, identities[id].user, await tokenOf(p, id)), {
      mode: 0o600,
    });
  }
}

export async function tokenOf(p: Profile, id: Identity): Promise<string> {
  const user = identities[id].user;
  const line = (await readFile(files(p).tokens, 'utf8'))
    .split('\n')
    .find((l) => l.split(',')[1] === user);
  if (!line) throw new Error(`no token for ${user}; run reset`);
  return line.split(',')[0] ?? '';
}

function kubeconfig(server: string, ca: Buffer, user: string, token: string): string {
  return JSON.stringify(
    {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: 'stratus-local',
          cluster: { server, 'certificate-authority-data': ca.toString('base64') },
        },
      ],
      users: [{ name: user, user: { token } }],
      contexts: [{ name: user, context: { cluster: 'stratus-local', user } }],
      'current-context': user,
    },
    null,
    2,
  );
}
