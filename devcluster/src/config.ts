// Profiles of the local management cluster. `demo` backs `npm run demo`; `test` backs the test suite,
// on its own ports and data dir so both can run side by side.
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export const versions = {
  kubernetes: 'v1.34.4',
  etcd: 'v3.6.16',
  kwok: 'v0.8.0',
} as const;

export type ProfileName = 'demo' | 'test';

export interface Profile {
  name: ProfileName;
  dataDir: string;
  ports: {
    etcdClient: number;
    etcdPeer: number;
    apiserver: number;
    kwok: number;
    oidc: number;
    app: number;
    /** The dev-only virt-api stand-in, reached by kube-apiserver's aggregator. */
    virtApi: number;
    /** MetalLB's controller's validating webhook, reached by kube-apiserver. */
    metallbWebhook: number;
    /** The dev-only LINSTOR controller REST API stand-in (devcluster/src/linstor). */
    linstor: number;
    /** medik8s node-healthcheck's webhook server, reached by kube-apiserver's admission. */
    nhcWebhook: number;
  };
  /** Multiplier on the simulator's delays: lifelike in the demo, fast in tests. */
  simulatorSpeed: number;
}

const base: Record<ProfileName, Omit<Profile, 'dataDir'>> = {
  demo: {
    name: 'demo',
    ports: {
      etcdClient: 23791,
      etcdPeer: 23792,
      apiserver: 26443,
      kwok: 26444,
      oidc: 25556,
      app: 3000,
      virtApi: 26445,
      metallbWebhook: 26449,
      linstor: 26446,
      nhcWebhook: 26448,
    },
    simulatorSpeed: 1,
  },
  // Every port stays below 32768: Linux hands out 32768–60999 to outgoing connections, and a
  // long-lived one can hold a port we want to listen on.
  test: {
    name: 'test',
    ports: {
      etcdClient: 13791,
      etcdPeer: 13792,
      apiserver: 16443,
      kwok: 16444,
      oidc: 15556,
      app: 3100,
      virtApi: 16445,
      metallbWebhook: 16449,
      linstor: 16446,
      nhcWebhook: 16448,
    },
    simulatorSpeed: 0.1,
  },
};

export function profile(name: string = process.env.STRATUS_PROFILE ?? 'demo'): Profile {
  if (name !== 'demo' && name !== 'test')
    throw new Error(`unknown profile "${name}" (demo or test)`);
  const speed = process.env.STRATUS_SIM_SPEED ? Number(process.env.STRATUS_SIM_SPEED) : undefined;
  // A second copy of a profile (another checkout, a parallel run) shifts every port by this much.
  const offset = Number(process.env.STRATUS_PORT_OFFSET ?? 0);
  const ports = Object.fromEntries(
    Object.entries(base[name].ports).map(([k, v]) => [k, v + offset]),
  ) as Profile['ports'];
  return {
    ...base[name],
    ports,
    simulatorSpeed: speed ?? base[name].simulatorSpeed,
    dataDir: path.join(
      process.env.STRATUS_DEVCLUSTER_DIR ?? path.join(repoRoot, '.devcluster'),
      name,
    ),
  };
}

export const cacheDir =
  process.env.STRATUS_CACHE ??
  path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'stratus');

/** Files a running cluster leaves in its data dir; tests and the app read these. */
export function files(p: Profile) {
  const pki = path.join(p.dataDir, 'pki');
  return {
    pki,
    caCert: path.join(pki, 'ca.crt'),
    caKey: path.join(pki, 'ca.key'),
    servingCert: path.join(pki, 'apiserver.crt'),
    servingKey: path.join(pki, 'apiserver.key'),
    saKey: path.join(pki, 'sa.key'),
    saPub: path.join(pki, 'sa.pub'),
    tokens: path.join(pki, 'tokens.csv'),
    /** Front-proxy (requestheader) trust: kube-apiserver proves itself to aggregated API servers. */
    frontProxyCaCert: path.join(pki, 'front-proxy-ca.crt'),
    frontProxyCaKey: path.join(pki, 'front-proxy-ca.key'),
    frontProxyClientCert: path.join(pki, 'front-proxy-client.crt'),
    frontProxyClientKey: path.join(pki, 'front-proxy-client.key'),
    /** The virt-api stand-in's serving certificate (SAN virt-api.kubevirt.svc), signed by the CA. */
    virtApiCert: path.join(pki, 'virt-api.crt'),
    virtApiKey: path.join(pki, 'virt-api.key'),
    /** MetalLB's webhook serving certificate (SAN metallb-webhook-service.metallb-system.svc). */
    metallbWebhookCert: path.join(pki, 'metallb-webhook.crt'),
    metallbWebhookKey: path.join(pki, 'metallb-webhook.key'),
    /** The development OIDC issuer's serving certificate (https://127.0.0.1), signed by the CA. */
    oidcCert: path.join(pki, 'oidc-issuer.crt'),
    oidcKey: path.join(pki, 'oidc-issuer.key'),
    /** kube-apiserver's --authentication-config: people's ID tokens from the issuer. */
    authenticationConfig: path.join(p.dataDir, 'authentication-config.yaml'),
    /** The impersonation fallback's own identity (only integration tests use it). */
    impersonatorKubeconfig: path.join(p.dataDir, 'impersonator.kubeconfig'),
    etcdData: path.join(p.dataDir, 'etcd'),
    logs: path.join(p.dataDir, 'logs'),
    pids: path.join(p.dataDir, 'pids'),
    /** cluster-admin: tooling, tests, seeding. */
    adminKubeconfig: path.join(p.dataDir, 'admin.kubeconfig'),
    /** The dashboard's own identity: its audit Events and a few platform reads (deploy/rbac). */
    dashboardKubeconfig: path.join(p.dataDir, 'dashboard.kubeconfig'),
    /** The status simulator's identity. */
    simulatorKubeconfig: path.join(p.dataDir, 'simulator.kubeconfig'),
    /** The virt-api stand-in's identity (reads VMs, writes what virt-api writes). */
    virtApiKubeconfig: path.join(p.dataDir, 'virt-api.kubeconfig'),
    /** Environment for the app (STRATUS_KUBECONFIG, OIDC settings), written by start. */
    appEnv: path.join(p.dataDir, 'app.env'),
  };
}
