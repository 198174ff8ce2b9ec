// MetalLB's real controller (go.universe.tf/metallb, the version sources.ts pins its CRDs at), run
// as a cluster would: its own ServiceAccount with MetalLB's own Roles (from the module's
// config/manifests/metallb-native.yaml), its validating webhook reached through kube-apiserver by an
// ExternalName Service and a caBundle, cert rotation off (the dev CA signs its serving cert).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

import type { KubernetesObject } from '@kubernetes/client-node';

import { files, repoRoot, type Profile } from './config.ts';
import { applyAll, loadKubeconfig, parseManifests } from './kube.ts';
import { spawnProcess, waitFor } from './processes.ts';

const run = promisify(execFile);

export const METALLB_NAMESPACE = 'metallb-system';
export const METALLB_VERSION = 'v0.16.1';
/** The controller's pod name (it reads its own Pod for ConfigurationState owner references). */
export const CONTROLLER_POD = 'controller-devcluster';
const SERVICE = 'metallb-webhook-service';

/** MetalLB's release manifest, from the module cache. */
async function nativeManifest(): Promise<KubernetesObject[]> {
  const { stdout } = await run('go', ['list', '-m', '-f', '{{.Dir}}', 'go.universe.tf/metallb'], {
    cwd: path.join(repoRoot, 'devcluster', 'go', 'metallb'),
  });
  const file = path.join(stdout.trim(), 'config', 'manifests', 'metallb-native.yaml');
  return parseManifests(readFileSync(file, 'utf8'));
}

const controllerRbac = new Set([
  'ServiceAccount/controller',
  'Role/controller',
  'Role/pod-lister',
  'ClusterRole/metallb-system:controller',
  'RoleBinding/controller',
  'RoleBinding/pod-lister',
  'ClusterRoleBinding/metallb-system:controller',
]);

/** The controller's identity and rights, its Pod object, and the webhook's Service. */
export function controllerObjects(manifest: KubernetesObject[], port: number): KubernetesObject[] {
  const rbac = manifest.filter((o) => controllerRbac.has(`${o.kind}/${o.metadata?.name ?? ''}`));
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: CONTROLLER_POD,
      namespace: METALLB_NAMESPACE,
      labels: { app: 'metallb', component: 'controller' },
      annotations: { 'stratus.dev/devcluster': 'the MetalLB controller runs on the host' },
    },
    spec: {
      serviceAccountName: 'controller',
      containers: [{ name: 'controller', image: `quay.io/metallb/controller:${METALLB_VERSION}` }],
    },
  };
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: SERVICE, namespace: METALLB_NAMESPACE },
    spec: { type: 'ExternalName', externalName: 'localhost', ports: [{ port, protocol: 'TCP' }] },
  };
  return [...rbac, pod, service];
}

/** MetalLB's ValidatingWebhookConfiguration, pointed at the host process through the Service. */
export function webhookObjects(
  manifest: KubernetesObject[],
  port: number,
  caPem: string,
): KubernetesObject[] {
  const vwc = manifest.find(
    (o) =>
      o.kind === 'ValidatingWebhookConfiguration' &&
      o.metadata?.name === 'metallb-webhook-configuration',
  ) as
    | (KubernetesObject & {
        webhooks?: { clientConfig: { service?: object; caBundle?: string } }[];
      })
    | undefined;
  if (!vwc) throw new Error('metallb-native.yaml has no metallb-webhook-configuration');
  const caBundle = Buffer.from(caPem).toString('base64');
  return [
    {
      ...vwc,
      metadata: { name: 'metallb-webhook-configuration' },
      webhooks: (vwc.webhooks ?? []).map((w) => ({
        ...w,
        clientConfig: { ...w.clientConfig, service: { ...w.clientConfig.service, port }, caBundle },
      })),
    } as KubernetesObject,
  ];
}

/** A long-lived token for the controller's ServiceAccount (TokenRequest), in a kubeconfig. */
async function controllerKubeconfig(p: Profile): Promise<string> {
  const f = files(p);
  const file = path.join(p.dataDir, 'metallb-controller.kubeconfig');
  const admin = loadKubeconfig(f.adminKubeconfig);
  const cluster = admin.getCurrentCluster();
  const user = admin.getCurrentUser();
  if (!cluster || !user?.token) throw new Error('admin kubeconfig lacks a cluster or token');
  const res = await fetchJson(
    cluster.server,
    `/api/v1/namespaces/${METALLB_NAMESPACE}/serviceaccounts/controller/token`,
    user.token,
    readFileSync(f.caCert),
    {
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenRequest',
      spec: { expirationSeconds: 365 * 24 * 3600 },
    },
  );
  const token = (res as { status?: { token?: string } }).status?.token;
  if (!token) throw new Error('TokenRequest for metallb-system/controller returned no token');
  const kc = JSON.parse(readFileSync(f.adminKubeconfig, 'utf8')) as {
    users: { name: string; user: { token: string } }[];
    contexts: { name: string; context: { cluster: string; user: string } }[];
    'current-context': string;
  };
  const name = 'system:serviceaccount:metallb-system:controller';
  kc.users = [{ name, user: { token } }];
  kc.contexts = [{ name, context: { cluster: 'stratus-local', user: name } }];
  kc['current-context'] = name;
  await writeFile(file, JSON.stringify(kc, null, 2), { mode: 0o600 });
  return file;
}

async function fetchJson(
  server: string,
  p: string,
  token: string,
  ca: Buffer,
  body: unknown,
): Promise<unknown> {
  const https = await import('node:https');
  return new Promise((resolve, reject) => {
    const req = https.request(
      new URL(p, server),
      {
        method: 'POST',
        ca,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString('utf8')));
        res.on('end', () => {
          if ((res.statusCode ?? 0) >= 300) reject(new Error(`${p}: ${res.statusCode} ${text}`));
          else resolve(JSON.parse(text));
        });
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });

/** Starts the controller; returns once its webhook listens and kube-apiserver is told of it. */
export async function startMetallb(p: Profile, bin: string): Promise<void> {
  const f = files(p);
  const port = p.ports.metallbWebhook;
  const manifest = await nativeManifest();
  const admin = loadKubeconfig(f.adminKubeconfig);
  await applyAll(admin, controllerObjects(manifest, port));
  const kubeconfig = await controllerKubeconfig(p);
  const certDir = path.join(p.dataDir, 'metallb-webhook');
  await mkdir(certDir, { recursive: true });
  for (const [from, to] of [
    [f.metallbWebhookCert, 'tls.crt'],
    [f.metallbWebhookKey, 'tls.key'],
  ] as const)
    if (!existsSync(path.join(certDir, to)))
      await writeFile(path.join(certDir, to), readFileSync(from), { mode: 0o600 });
  await spawnProcess(p, {
    name: 'metallb-controller',
    command: path.join(bin, 'metallb-controller'),
    ports: [port],
    env: { METALLB_WEBHOOK_PORT: String(port), METALLB_BGP_TYPE: 'native' },
    args: [
      `--kubeconfig=${kubeconfig}`,
      `--namespace=${METALLB_NAMESPACE}`,
      `--pod-name=${CONTROLLER_POD}`,
      '--log-level=info',
      // The dev CA signed the serving cert; the caBundle below names it.
      '--disable-cert-rotation',
      `--cert-dir=${certDir}`,
      // Metrics and health on ports the kernel picks: nothing scrapes them here.
      '--port=0',
      '--health-probe-port=0',
    ],
  });
  await waitFor(p, 'metallb-controller', () => listening(port), 60_000);
  await applyAll(admin, webhookObjects(manifest, port, readFileSync(f.caCert, 'utf8')));
}
