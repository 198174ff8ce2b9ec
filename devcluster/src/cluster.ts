// The local management cluster's lifecycle: build → certs → etcd → kube-apiserver → RBAC + CRDs →
// controller-manager, kwok, OIDC issuer, simulator → seed. Every step is idempotent.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';

import { RbacAuthorizationV1Api } from '@kubernetes/client-node';
import YAML from 'yaml';

import { cacheDir, files, repoRoot, type Profile } from './config.ts';
import { prepareCrds } from './crds/prepare.ts';
import { installCrds } from './crds/install.ts';
import { prepareStandIns } from './crds/stand-ins.ts';
import { oidcClient } from './demo-users.ts';
import { applyAll, loadKubeconfig, parseManifests, rawGet, rawPost } from './kube.ts';
import { ensurePki, identities } from './pki.ts';
import { startMetallb } from './metallb.ts';
import { NHC_VERSION, startNhc } from './nhc/start.ts';
import { aggregationObjects, availability, standInRbac, versions } from './virt-api/aggregation.ts';
import { linstorEnv, startLinstor } from './linstor/lifecycle.ts';
import {
  DevclusterError,
  logPath,
  pidOf,
  spawnProcess,
  stopAll,
  stopProcess,
  waitFor,
} from './processes.ts';

const run = promisify(execFile);

/** Start order; stop goes in reverse. */
export const components = [
  'etcd',
  // Before kube-apiserver: it authenticates people's ID tokens against the issuer's keys.
  'oidc-issuer',
  'kube-apiserver',
  'kube-controller-manager',
  'kwok',
  'simulator',
  'virt-api',
  'metallb-controller',
  'linstor',
  'node-healthcheck',
];

const log = (msg: string) => process.stderr.write(`devcluster: ${msg}\n`);

export async function buildBinaries(): Promise<string> {
  const script = path.join(repoRoot, 'devcluster', 'scripts', 'build.sh');
  return new Promise((resolve, reject) => {
    const child = execFile(
      'bash',
      [script],
      { env: { ...process.env, STRATUS_CACHE: cacheDir } },
      (err, stdout) => {
        if (err)
          reject(new DevclusterError('building the control plane failed (see the log path above)'));
        else resolve(stdout.trim().split('\n').pop() ?? '');
      },
    );
    child.stderr?.pipe(process.stderr);
  });
}

export async function start(p: Profile): Promise<void> {
  const t0 = Date.now();
  const f = files(p);
  const bin = await buildBinaries();
  await mkdir(p.dataDir, { recursive: true });
  await ensurePki(p);
  const admin = loadKubeconfig(f.adminKubeconfig);

  await startEtcd(p, bin);
  await startIssuer(p);
  await writeAuthenticationConfig(p);
  await startApiServer(p, bin);
  log(`kube-apiserver ready on https://127.0.0.1:${p.ports.apiserver}`);

  const [upstream, standIns] = await Promise.all([
    prepareCrds(cacheDir),
    prepareStandIns(path.join(p.dataDir, 'stand-in-crds')),
    applyRbac(p),
  ]);
  const crdFiles = [...upstream, ...standIns];
  await installCrds(admin, crdFiles);
  log(`${crdFiles.length} CRDs established`);
  await applyGuardrails(p);

  await spawnProcess(p, {
    name: 'kube-controller-manager',
    command: path.join(bin, 'kube-controller-manager'),
    args: [
      `--kubeconfig=${f.adminKubeconfig}`,
      `--authentication-kubeconfig=${f.adminKubeconfig}`,
      `--authorization-kubeconfig=${f.adminKubeconfig}`,
      '--bind-address=127.0.0.1',
      '--secure-port=0',
      '--leader-elect=false',
      '--use-service-account-credentials=false',
      `--service-account-private-key-file=${f.saKey}`,
      `--root-ca-file=${f.caCert}`,
      '--controllers=*',
      // Fast namespace/GC turnaround keeps tests quick; defaults are tuned for big clusters.
      '--concurrent-namespace-syncs=5',
      '--node-monitor-grace-period=40s',
    ],
  });
  await waitForAggregatedRoles(p, admin);
  log('kube-controller-manager running (garbage collection, namespaces, quota, RBAC aggregation)');

  await startKwok(p, bin);
  await startSimulator(p);
  await startVirtApi(p);
  // Before the seed: its pools go through MetalLB's webhook.
  await startMetallb(p, bin);
  log(`MetalLB controller serving its webhook on https://127.0.0.1:${p.ports.metallbWebhook}`);
  await startLinstor(p);
  await startNhc(p, bin);
  log(`medik8s node-healthcheck ${NHC_VERSION} running (webhook on :${p.ports.nhcWebhook})`);
  await seed(p);
  await writeAppEnv(p);
  log(
    `ready in ${((Date.now() - t0) / 1000).toFixed(1)}s — admin kubeconfig: ${f.adminKubeconfig}`,
  );
}

async function startApiServer(p: Profile, bin: string): Promise<void> {
  const f = files(p);
  const admin = loadKubeconfig(f.adminKubeconfig);
  await spawnProcess(p, {
    name: 'kube-apiserver',
    command: path.join(bin, 'kube-apiserver'),
    ports: [p.ports.apiserver],
    args: [
      `--etcd-servers=http://127.0.0.1:${p.ports.etcdClient}`,
      '--bind-address=127.0.0.1',
      '--advertise-address=127.0.0.1',
      `--secure-port=${p.ports.apiserver}`,
      `--tls-cert-file=${f.servingCert}`,
      `--tls-private-key-file=${f.servingKey}`,
      `--client-ca-file=${f.caCert}`,
      `--token-auth-file=${f.tokens}`,
      // People sign in at the development issuer and arrive with its ID tokens (token
      // passthrough); the same file production uses, pointed at the local issuer.
      `--authentication-config=${f.authenticationConfig}`,
      // Front-proxy trust, as kubeadm sets it up: the aggregator proves itself to aggregated API
      // servers (the virt-api stand-in) with this client certificate and names the person in
      // X-Remote-* headers.
      `--requestheader-client-ca-file=${f.frontProxyCaCert}`,
      '--requestheader-allowed-names=front-proxy-client',
      '--requestheader-username-headers=X-Remote-User',
      '--requestheader-group-headers=X-Remote-Group',
      '--requestheader-extra-headers-prefix=X-Remote-Extra-',
      `--proxy-client-cert-file=${f.frontProxyClientCert}`,
      `--proxy-client-key-file=${f.frontProxyClientKey}`,
      // Resolve APIService Services through the Service object (an ExternalName here), not Endpoints.
      '--enable-aggregator-routing=false',
      '--authorization-mode=RBAC',
      `--service-account-issuer=https://127.0.0.1:${p.ports.apiserver}`,
      `--service-account-key-file=${f.saPub}`,
      `--service-account-signing-key-file=${f.saKey}`,
      '--service-cluster-ip-range=10.96.0.0/16',
      '--allow-privileged=true',
      '--profiling=false',
      '--event-ttl=2h',
      // The same audit policy production uses: who read which Secret, what the dashboard wrote.
      `--audit-policy-file=${path.join(repoRoot, 'deploy', 'audit', 'policy.yaml')}`,
      `--audit-log-path=${path.join(p.dataDir, 'audit.log')}`,
      '--audit-log-maxsize=100',
      '--audit-log-maxbackup=1',
      // Buffered: an audit write never holds up the request it records.
      '--audit-log-mode=batch',
      // No kubelets serve logs or exec here; keep the apiserver from dialling kwok's fake addresses.
      '--kubelet-preferred-address-types=InternalIP',
    ],
  });
  await waitFor(
    p,
    'kube-apiserver',
    async () => (await rawGet(admin, '/readyz')).status === 200,
    120_000,
  );
}

/**
 * Stops the running kube-apiserver and starts it again with the same flags, as an upgrade or a crash
 * would; etcd and every client stay. Resolves once it is ready again.
 */
export async function restartApiServer(
  p: Profile,
  opts: { whileStopped?: () => Promise<unknown> } = {},
): Promise<void> {
  const bin = await buildBinaries();
  await stopProcess(p, 'kube-apiserver');
  await opts.whileStopped?.();
  await startApiServer(p, bin);
  await waitForAggregation(p);
  await waitForAdmissionPolicies(p);
}

/**
 * Until the admission policies can be evaluated again. Right after a start, /readyz already says ok
 * while a policy whose params are a custom resource (stratus-tenant-loadbalancers: IPAddressPools)
 * still refuses every write it matches with "failed to configure policy"; a dry-run Service shows
 * when that is over.
 */
async function waitForAdmissionPolicies(p: Profile): Promise<void> {
  const admin = loadKubeconfig(files(p).adminKubeconfig);
  const probe = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'admission-probe' },
    spec: { type: 'LoadBalancer', ports: [{ port: 80 }] },
  };
  await waitFor(
    p,
    'kube-apiserver',
    async () => {
      const res = await rawPost(admin, '/api/v1/namespaces/default/services?dryRun=All', probe);
      return !/failed to configure policy/.test(res.body);
    },
    60_000,
  );
}

async function startEtcd(p: Profile, bin: string): Promise<void> {
  const f = files(p);
  const dataExists = existsSync(path.join(f.etcdData, 'member'));
  await spawnProcess(p, {
    name: 'etcd',
    command: path.join(bin, 'etcd'),
    ports: [p.ports.etcdClient, p.ports.etcdPeer],
    args: [
      '--name=stratus',
      `--data-dir=${f.etcdData}`,
      `--listen-client-urls=http://127.0.0.1:${p.ports.etcdClient}`,
      `--advertise-client-urls=http://127.0.0.1:${p.ports.etcdClient}`,
      `--listen-peer-urls=http://127.0.0.1:${p.ports.etcdPeer}`,
      `--initial-advertise-peer-urls=http://127.0.0.1:${p.ports.etcdPeer}`,
      `--initial-cluster=stratus=http://127.0.0.1:${p.ports.etcdPeer}`,
      '--listen-metrics-urls=',
      // A dev cluster trades durability for speed; `reset` is the recovery path.
      '--unsafe-no-fsync=true',
      '--quota-backend-bytes=4294967296',
    ],
  });
  try {
    await waitFor(
      p,
      'etcd',
      async () =>
        (await httpGet(`http://127.0.0.1:${p.ports.etcdClient}/health`)).includes(
          '"health":"true"',
        ),
      30_000,
    );
  } catch (err) {
    if (dataExists && /corrupt|panic|wal|snap/i.test(readFileSync(logPath(p, 'etcd'), 'utf8'))) {
      throw new DevclusterError(
        `etcd could not open its data dir ${f.etcdData}; it looks corrupt. ` +
          `Run \`npm run cluster -- reset${p.name === 'test' ? ' --profile test' : ''}\` to start from a fresh seed.\n${(err as Error).message}`,
      );
    }
    throw err;
  }
}

/**
 * Compacts etcd at its current revision, as kube-apiserver's compactor does every 5 minutes: no
 * older revision can be read or watched from any more. Returns that revision.
 */
export async function compactEtcd(p: Profile): Promise<number> {
  const etcd = `http://127.0.0.1:${p.ports.etcdClient}/v3`;
  const post = async (path: string, body: object): Promise<unknown> => {
    const res = await fetch(`${etcd}${path}`, { method: 'POST', body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`etcd ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const status = (await post('/maintenance/status', {})) as { header?: { revision?: string } };
  const revision = Number(status.header?.revision);
  if (!revision) throw new Error('etcd did not say its revision');
  await post('/kv/compaction', { revision: String(revision), physical: true });
  return revision;
}

function httpGet(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}

/**
 * The admission guardrails, once the CRDs are established: a policy whose paramKind (MetalLB's
 * IPAddressPool) is not yet served fails to configure and then refuses every request it matches.
 */
async function applyGuardrails(p: Profile): Promise<void> {
  const admin = loadKubeconfig(files(p).adminKubeconfig);
  // Stamped, so a restart (the policies already stored, loaded before the CRDs were served) changes
  // them and kube-apiserver compiles them again.
  const stamp = new Date().toISOString();
  const policies = parseManifests(
    readFileSync(path.join(repoRoot, 'deploy', 'policies', 'guardrails.yaml'), 'utf8'),
  ).map((o) => ({
    ...o,
    metadata: {
      ...o.metadata,
      annotations: { ...o.metadata?.annotations, 'devcluster.stratus/applied-at': stamp },
    },
  }));
  await applyAll(admin, policies);
  // Until the policies have compiled, every request they match is refused as "failed to configure".
  await waitFor(
    p,
    'kube-apiserver',
    async () => {
      const r = await rawPost(admin, '/api/v1/namespaces/default/services?dryRun=All', {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'guardrails-probe' },
        spec: { type: 'LoadBalancer', ports: [{ port: 80 }] },
      });
      return !r.body.includes('failed to configure policy');
    },
    60_000,
  );
}

async function applyRbac(p: Profile): Promise<void> {
  const admin = loadKubeconfig(files(p).adminKubeconfig);
  const text = readFileSync(path.join(repoRoot, 'deploy', 'rbac', 'stratus.yaml'), 'utf8');
  // The namespaces the dashboard's Roles land in must exist first (stratus-addons holds the
  // add-on catalog's chart sources).
  await applyAll(admin, [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'metallb-system' } },
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'stratus-system' } },
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'stratus-addons' } },
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'stratus-images' } },
  ]);
  await applyAll(admin, parseManifests(text));
  await applyImpersonationRbac(admin);
  await applyAll(admin, [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'stratus:simulator' },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'cluster-admin',
      },
      subjects: [
        { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'stratus-simulator' },
      ],
    } as never,
    ...standInRbac(),
  ]);
}

/**
 * deploy/rbac/impersonation.yaml as a whole only in the impersonation fallback mode. Otherwise its
 * role goes only to a separate identity (the fallback's integration test), never to the dashboard,
 * and a binding left from an earlier start in the fallback mode is removed.
 */
async function applyImpersonationRbac(admin: ReturnType<typeof loadKubeconfig>): Promise<void> {
  const objects = parseManifests(
    readFileSync(path.join(repoRoot, 'deploy', 'rbac', 'impersonation.yaml'), 'utf8'),
  );
  const rbac = admin.makeApiClient(RbacAuthorizationV1Api);
  const role = objects.find((o) => o.kind === 'ClusterRole');
  const binding = objects.find((o) => o.kind === 'ClusterRoleBinding');
  if (!role?.metadata?.name || !binding?.metadata?.name)
    throw new DevclusterError('deploy/rbac/impersonation.yaml needs a ClusterRole and its binding');
  if (identityMode() === 'impersonation') {
    await applyAll(admin, objects);
  } else {
    await applyAll(admin, [role]);
    await rbac.deleteClusterRoleBinding({ name: binding.metadata.name }).catch(() => undefined);
  }
  const subject = {
    apiGroup: 'rbac.authorization.k8s.io',
    kind: 'User',
    name: identities.impersonator.user,
  };
  const testBinding = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'stratus:impersonator-fallback-test' },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: role.metadata.name,
    },
    subjects: [subject],
  };
  await applyAll(admin, [testBinding]);
}

/** Tenant-admin is an aggregated role: wait for the controller-manager to fill it in. */
async function waitForAggregatedRoles(
  p: Profile,
  admin: ReturnType<typeof loadKubeconfig>,
): Promise<void> {
  const rbac = admin.makeApiClient(RbacAuthorizationV1Api);
  await waitFor(p, 'kube-controller-manager', async () => {
    const role = await rbac.readClusterRole({ name: 'stratus:tenant-admin' });
    return (role.rules?.length ?? 0) > 0;
  });
}

async function startKwok(p: Profile, bin: string): Promise<void> {
  const { stdout } = await run('go', ['mod', 'download', '-json', 'sigs.k8s.io/kwok@v0.8.0'], {
    cwd: path.join(repoRoot, 'devcluster', 'go', 'kwok'),
  });
  const dir = (JSON.parse(stdout) as { Dir: string }).Dir;
  const stages = ['node/fast', 'node/heartbeat-with-lease', 'pod/fast'].map((s) =>
    path.join(dir, 'kustomize', 'stage', s),
  );
  const f = files(p);
  await spawnProcess(p, {
    name: 'kwok',
    command: path.join(bin, 'kwok'),
    ports: [p.ports.kwok],
    args: [
      `--kubeconfig=${f.adminKubeconfig}`,
      '--manage-all-nodes=false',
      '--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake',
      '--cidr=10.244.0.0/16',
      '--node-ip=10.0.0.1',
      '--node-lease-duration-seconds=40',
      `--server-address=127.0.0.1:${p.ports.kwok}`,
      ...stages.flatMap((s) => ['-c', s]),
    ],
  });
  await waitFor(p, 'kwok', async () => !!pidOf(p, 'kwok'), 5_000);
}

async function startIssuer(p: Profile): Promise<void> {
  const main = path.join(repoRoot, 'devcluster', 'src', 'oidc', 'main.ts');
  if (!existsSync(main)) return;
  await spawnProcess(p, {
    name: 'oidc-issuer',
    command: process.execPath,
    ports: [p.ports.oidc],
    // Short-lived ID tokens in the test profile, so the suites exercise refreshing them.
    env:
      p.name === 'test' && !process.env.STRATUS_OIDC_TOKEN_TTL
        ? { STRATUS_OIDC_TOKEN_TTL: String(TEST_TOKEN_TTL) }
        : {},
    args: [
      '--import',
      'tsx',
      main,
      '--port',
      String(p.ports.oidc),
      '--tls-cert',
      files(p).oidcCert,
      '--tls-key',
      files(p).oidcKey,
      '--app-origin',
      `http://127.0.0.1:${p.ports.app}`,
      '--app-origin',
      `http://localhost:${p.ports.app}`,
      '--state-dir',
      path.join(p.dataDir, 'oidc'),
    ],
  });
  await waitFor(
    p,
    'oidc-issuer',
    async () => (await httpGet(`http://127.0.0.1:${p.ports.oidc}/healthz`)).length >= 0,
  );
}

/** ID-token lifetime (seconds) of the test profile's issuer: the app refreshes well inside it. */
export const TEST_TOKEN_TTL = 120;

export function issuerUrl(p: Profile): string {
  return `https://127.0.0.1:${p.ports.oidc}`;
}

/**
 * How the app acts as people: `passthrough` (their own ID tokens, the default) or
 * `impersonation` (the fallback; then the dashboard's identity is bound to impersonate).
 */
export function identityMode(): 'passthrough' | 'impersonation' {
  const m = process.env.STRATUS_IDENTITY_MODE ?? 'passthrough';
  if (m !== 'passthrough' && m !== 'impersonation')
    throw new DevclusterError(
      `STRATUS_IDENTITY_MODE must be passthrough or impersonation, got ${m}`,
    );
  return m;
}

/** deploy/auth/authentication-config.yaml, pointed at the development issuer and its CA. */
async function writeAuthenticationConfig(p: Profile): Promise<void> {
  const f = files(p);
  const config = YAML.parse(
    readFileSync(path.join(repoRoot, 'deploy', 'auth', 'authentication-config.yaml'), 'utf8'),
  ) as { jwt: { issuer: Record<string, unknown> }[] };
  const jwt = config.jwt[0];
  if (!jwt) throw new DevclusterError('deploy/auth/authentication-config.yaml has no jwt issuer');
  jwt.issuer = {
    ...jwt.issuer,
    url: issuerUrl(p),
    audiences: [oidcClient.id],
    certificateAuthority: readFileSync(f.caCert, 'utf8'),
  };
  await writeFile(f.authenticationConfig, YAML.stringify(config));
}

async function startSimulator(p: Profile): Promise<void> {
  const main = path.join(repoRoot, 'devcluster', 'src', 'simulator', 'main.ts');
  if (!existsSync(main)) return;
  await spawnProcess(p, {
    name: 'simulator',
    command: process.execPath,
    args: [
      '--import',
      'tsx',
      main,
      '--kubeconfig',
      files(p).simulatorKubeconfig,
      '--speed',
      String(p.simulatorSpeed),
    ],
  });
  const ready = path.join(p.dataDir, 'simulator.ready');
  await waitFor(p, 'simulator', async () => existsSync(ready), 60_000);
}

/** The virt-api stand-in, then its APIServices; ready once the aggregator reports them Available. */
async function startVirtApi(p: Profile): Promise<void> {
  const f = files(p);
  const main = path.join(repoRoot, 'devcluster', 'src', 'virt-api', 'main.ts');
  await spawnProcess(p, {
    name: 'virt-api',
    command: process.execPath,
    ports: [p.ports.virtApi],
    args: [
      '--import',
      'tsx',
      main,
      '--kubeconfig',
      f.virtApiKubeconfig,
      '--port',
      String(p.ports.virtApi),
      '--cert',
      f.virtApiCert,
      '--key',
      f.virtApiKey,
      '--client-ca',
      f.frontProxyCaCert,
    ],
  });
  const admin = loadKubeconfig(f.adminKubeconfig);
  await applyAll(admin, aggregationObjects(p.ports.virtApi, readFileSync(f.caCert, 'utf8')));
  await waitForAggregation(p);
  log(`virt-api stand-in serving subresources.kubevirt.io on https://127.0.0.1:${p.ports.virtApi}`);
}

/** Until kube-apiserver reports every subresources.kubevirt.io APIService Available. */
async function waitForAggregation(p: Profile): Promise<void> {
  const admin = loadKubeconfig(files(p).adminKubeconfig);
  let why = '';
  await waitFor(
    p,
    'virt-api',
    async () => {
      for (const v of versions) {
        const res = await rawGet(
          admin,
          `/apis/apiregistration.k8s.io/v1/apiservices/${v}.subresources.kubevirt.io`,
        );
        const a = availability(JSON.parse(res.body) as Parameters<typeof availability>[0]);
        why = a.why;
        if (!a.ok) return false;
      }
      return true;
    },
    60_000,
  ).catch((err: unknown) => {
    throw new DevclusterError(
      `APIService v1.subresources.kubevirt.io is not Available (${why}).\n${(err as Error).message}`,
    );
  });
}

async function seed(p: Profile): Promise<void> {
  const main = path.join(repoRoot, 'devcluster', 'src', 'seed', 'index.ts');
  if (!existsSync(main)) return;
  const mod = (await import(main)) as {
    seed: (kubeconfigFile: string, p: Profile) => Promise<void>;
  };
  await mod.seed(files(p).adminKubeconfig, p);
  log('demo cloud seeded');
}

/** The session encryption secret: made once per install, kept in the data dir, never in the source. */
async function sessionSecret(p: Profile): Promise<string> {
  const file = path.join(p.dataDir, 'nextauth-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

async function writeAppEnv(p: Profile): Promise<void> {
  const f = files(p);
  const origin = `http://127.0.0.1:${p.ports.app}`;
  const env = {
    STRATUS_KUBECONFIG: f.dashboardKubeconfig,
    STRATUS_OIDC_ISSUER: issuerUrl(p),
    // The issuer's certificate is the devcluster CA's; the app trusts it for its OIDC calls.
    STRATUS_OIDC_CA_FILE: f.caCert,
    STRATUS_IDENTITY_MODE: identityMode(),
    STRATUS_OIDC_CLIENT_ID: oidcClient.id,
    STRATUS_OIDC_CLIENT_SECRET: oidcClient.secret,
    NEXTAUTH_URL: origin,
    NEXTAUTH_SECRET: await sessionSecret(p),
    ...linstorEnv(p),
  };
  await writeFile(
    f.appEnv,
    Object.entries(env)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n') + '\n',
  );
}

export async function stop(p: Profile): Promise<string[]> {
  return stopAll(p, components);
}

export async function reset(p: Profile): Promise<void> {
  await stop(p);
  await rm(p.dataDir, { recursive: true, force: true });
}

export function status(p: Profile): Record<string, number | undefined> {
  return Object.fromEntries(components.map((c) => [c, pidOf(p, c)]));
}
