// Runs medik8s's real node-healthcheck controller (v0.12.0, built by scripts/build.sh) against the
// local API server, installed the way its manifests install it: its own ServiceAccount and RBAC,
// webhook serving certificates in controller-runtime's default directory
// ($TMPDIR/k8s-webhook-server/serving-certs), its validating webhook registered with a caBundle.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';

import { files, repoRoot, type Profile } from '../config.ts';
import { applyAll, loadKubeconfig, parseManifests } from '../kube.ts';
import { ensureCert, kubeconfig } from '../pki.ts';
import { spawnProcess, waitFor } from '../processes.ts';
import { NHC_NAMESPACE, NHC_SERVICE_ACCOUNT, nhcObjects, webhookHost } from './objects.ts';

const run = promisify(execFile);
export const NHC_VERSION = 'v0.12.0';

async function moduleDir(): Promise<string> {
  const { stdout } = await run(
    'go',
    ['mod', 'download', '-json', `github.com/medik8s/node-healthcheck-operator@${NHC_VERSION}`],
    { cwd: path.join(repoRoot, 'devcluster', 'go', 'nhc') },
  );
  return (JSON.parse(stdout) as { Dir: string }).Dir;
}

export async function startNhc(p: Profile, bin: string): Promise<void> {
  const f = files(p);
  const dir = path.join(p.dataDir, 'nhc');
  const certDir = path.join(dir, 'tmp', 'k8s-webhook-server', 'serving-certs');
  await mkdir(certDir, { recursive: true });
  await ensureCert(f.pki, {
    ca: [f.caCert, f.caKey],
    out: [path.join(certDir, 'tls.crt'), path.join(certDir, 'tls.key')],
    cn: webhookHost,
    ext: `subjectAltName=DNS:${webhookHost},DNS:${webhookHost}.cluster.local,DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n`,
  });

  const role = parseManifests(
    readFileSync(path.join(await moduleDir(), 'config', 'rbac', 'role.yaml'), 'utf8'),
  )[0] as { rules?: [] } | undefined;
  const admin = loadKubeconfig(f.adminKubeconfig);
  const caPem = readFileSync(f.caCert, 'utf8');
  await applyAll(
    admin,
    nhcObjects({ managerRules: role?.rules ?? [], port: p.ports.nhcWebhook, caPem }),
  );

  // Its identity: a token of its ServiceAccount, as a pod of its Deployment would mount.
  const token = await admin.makeApiClient(CoreV1Api).createNamespacedServiceAccountToken({
    name: NHC_SERVICE_ACCOUNT,
    namespace: NHC_NAMESPACE,
    body: { spec: { audiences: [], expirationSeconds: 365 * 24 * 3600 } },
  });
  const kc = path.join(dir, 'nhc.kubeconfig');
  await writeFile(
    kc,
    kubeconfig(
      `https://127.0.0.1:${p.ports.apiserver}`,
      Buffer.from(caPem),
      `system:serviceaccount:${NHC_NAMESPACE}:${NHC_SERVICE_ACCOUNT}`,
      token.status?.token ?? '',
    ),
    { mode: 0o600 },
  );

  await spawnProcess(p, {
    name: 'node-healthcheck',
    command: path.join(bin, 'node-healthcheck-manager'),
    ports: [p.ports.nhcWebhook],
    env: {
      KUBECONFIG: kc,
      TMPDIR: path.join(dir, 'tmp'),
      DEPLOYMENT_NAMESPACE: NHC_NAMESPACE,
      NHC_WEBHOOK_PORT: String(p.ports.nhcWebhook),
    },
    args: [
      // One replica outside a cluster: no leader election, no metrics or probe listeners to collide.
      '--leader-elect=false',
      '--metrics-bind-address=0',
      '--health-probe-bind-address=0',
      '--zap-devel=false',
    ],
  });
  // Ready when the API server can reach its webhook: a dry-run create passes through it.
  const objects = admin.makeApiClient(CustomObjectsApi);
  await waitFor(
    p,
    'node-healthcheck',
    async () => {
      await objects.createClusterCustomObject({
        group: 'remediation.medik8s.io',
        version: 'v1alpha1',
        plural: 'nodehealthchecks',
        dryRun: 'All',
        body: {
          apiVersion: 'remediation.medik8s.io/v1alpha1',
          kind: 'NodeHealthCheck',
          metadata: { name: 'devcluster-readiness-probe' },
          spec: {
            selector: { matchLabels: { 'devcluster.stratus/none': 'true' } },
            minHealthy: '51%',
            remediationTemplate: {
              apiVersion: 'fence-agents-remediation.medik8s.io/v1alpha1',
              kind: 'FenceAgentsRemediationTemplate',
              name: 'ipmi',
              namespace: NHC_NAMESPACE,
            },
          },
        },
      });
      return true;
    },
    90_000,
  );
}
