// Certificates and credentials for the local control plane. Generated once per data dir.
import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import type { Profile } from './config.ts';
import { files } from './config.ts';

const run = promisify(execFile);

/**
 * Static token identities. People reach kube-apiserver with their own ID tokens; the dashboard's
 * identity only writes its records (deploy/rbac/stratus.yaml). `impersonator` is the impersonation
 * fallback's identity (deploy/rbac/impersonation.yaml), kept apart so the dashboard never has it.
 */
export const identities = {
  admin: { user: 'stratus-admin', groups: ['system:masters'] },
  dashboard: { user: 'stratus-dashboard', groups: [] as string[] },
  impersonator: { user: 'stratus-dashboard-impersonator', groups: [] as string[] },
  simulator: { user: 'stratus-simulator', groups: [] as string[] },
  virtApi: { user: 'stratus-virt-api', groups: [] as string[] },
} as const;
export type Identity = keyof typeof identities;

export async function ensurePki(p: Profile): Promise<void> {
  const f = files(p);
  await mkdir(f.pki, { recursive: true, mode: 0o700 });
  await ensureCa(f.caCert, f.caKey, 'stratus-devcluster-ca');
  await ensureCert(f.pki, {
    ca: [f.caCert, f.caKey],
    out: [f.servingCert, f.servingKey],
    cn: 'kube-apiserver',
    ext: 'subjectAltName=IP:127.0.0.1,IP:10.96.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default.svc\nextendedKeyUsage=serverAuth\n',
  });
  // A CA of its own, as kubeadm does: a certificate it signs asserts any user in X-Remote-User, so
  // nothing else may be signed by it.
  await ensureCa(f.frontProxyCaCert, f.frontProxyCaKey, 'stratus-front-proxy-ca');
  await ensureCert(f.pki, {
    ca: [f.frontProxyCaCert, f.frontProxyCaKey],
    out: [f.frontProxyClientCert, f.frontProxyClientKey],
    cn: 'front-proxy-client',
    ext: 'extendedKeyUsage=clientAuth\n',
  });
  // The aggregator dials the APIService's Service and checks this name against its caBundle.
  await ensureCert(f.pki, {
    ca: [f.caCert, f.caKey],
    out: [f.virtApiCert, f.virtApiKey],
    cn: 'virt-api.kubevirt.svc',
    ext: 'subjectAltName=DNS:virt-api.kubevirt.svc,DNS:virt-api.kubevirt.svc.cluster.local,DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n',
  });
  // kube-apiserver dials MetalLB's webhook Service and checks this name against the caBundle.
  await ensureCert(f.pki, {
    ca: [f.caCert, f.caKey],
    out: [f.metallbWebhookCert, f.metallbWebhookKey],
    cn: 'metallb-webhook-service.metallb-system.svc',
    ext: 'subjectAltName=DNS:metallb-webhook-service.metallb-system.svc,DNS:metallb-webhook-service.metallb-system.svc.cluster.local,DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n',
  });
  // The OIDC issuer is https (kube-apiserver requires it); its clients trust the devcluster CA.
  await ensureCert(f.pki, {
    ca: [f.caCert, f.caKey],
    out: [f.oidcCert, f.oidcKey],
    cn: 'stratus-oidc-issuer',
    ext: 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n',
  });
  if (!existsSync(f.saKey)) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await writeFile(f.saKey, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    await writeFile(f.saPub, publicKey.export({ type: 'spki', format: 'pem' }));
  }
  await ensureTokens(f.tokens);
  const ca = await readFile(f.caCert);
  const server = `https://127.0.0.1:${p.ports.apiserver}`;
  for (const [id, file] of [
    ['admin', f.adminKubeconfig],
    ['dashboard', f.dashboardKubeconfig],
    ['impersonator', f.impersonatorKubeconfig],
    ['simulator', f.simulatorKubeconfig],
    ['virtApi', f.virtApiKubeconfig],
  ] as const) {
    await writeFile(file, kubeconfig(server, ca, identities[id].user, await tokenOf(p, id)), {
      mode: 0o600,
    });
  }
}

async function ensureCa(cert: string, key: string, cn: string): Promise<void> {
  if (existsSync(cert)) return;
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '3650',
    '-subj',
    `/CN=${cn}`,
    '-keyout',
    key,
    '-out',
    cert,
  ]);
}

export async function ensureCert(
  dir: string,
  c: { ca: [string, string]; out: [string, string]; cn: string; ext: string },
): Promise<void> {
  const [cert, key] = c.out;
  if (existsSync(cert)) return;
  const base = path.join(dir, path.basename(cert, '.crt'));
  await writeFile(`${base}.ext`, c.ext);
  await run('openssl', [
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    `/CN=${c.cn}`,
    '-keyout',
    key,
    '-out',
    `${base}.csr`,
  ]);
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    `${base}.csr`,
    '-CA',
    c.ca[0],
    '-CAkey',
    c.ca[1],
    '-CAcreateserial',
    '-days',
    '3650',
    '-extfile',
    `${base}.ext`,
    '-out',
    cert,
  ]);
}

/** One line per identity; identities added since the data dir was made get a line appended. */
async function ensureTokens(file: string): Promise<void> {
  const text = existsSync(file) ? await readFile(file, 'utf8') : '';
  const have = new Set(text.split('\n').map((l) => l.split(',')[1]));
  const lines = Object.values(identities)
    .filter(({ user }) => !have.has(user))
    .map(({ user, groups }) =>
      [randomBytes(24).toString('hex'), user, user, groups.length ? `"${groups.join(',')}"` : '']
        .filter(Boolean)
        .join(','),
    );
  const sep = text && !text.endsWith('\n') ? '\n' : '';
  if (lines.length) await appendFile(file, sep + lines.join('\n') + '\n', { mode: 0o600 });
}

export async function tokenOf(p: Profile, id: Identity): Promise<string> {
  const user = identities[id].user;
  const line = (await readFile(files(p).tokens, 'utf8'))
    .split('\n')
    .find((l) => l.split(',')[1] === user);
  if (!line) throw new Error(`no token for ${user}; run reset`);
  return line.split(',')[0] ?? '';
}

export function kubeconfig(server: string, ca: Buffer, user: string, token: string): string {
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
