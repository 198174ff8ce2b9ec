// Thin client-node helpers shared by start, seed, simulator and tests (devcluster side only).
import { readFileSync } from 'node:fs';
import https from 'node:https';

import {
  KubeConfig,
  KubernetesObjectApi,
  PatchStrategy,
  type KubernetesObject,
} from '@kubernetes/client-node';
import YAML from 'yaml';

export function loadKubeconfig(file: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(file);
  return kc;
}

/** The cluster's CA from a kubeconfig, inline or from a file. */
export function caOf(cluster: { caData?: string; caFile?: string }): Buffer | undefined {
  if (cluster.caData) return Buffer.from(cluster.caData, 'base64');
  return cluster.caFile ? readFileSync(cluster.caFile) : undefined;
}

/** GET a raw path (e.g. /readyz) with the kubeconfig's CA and token; resolves to status and body. */
export function rawGet(kc: KubeConfig, path: string): Promise<{ status: number; body: string }> {
  return rawRequest(kc, 'GET', path);
}

export function rawPost(
  kc: KubeConfig,
  path: string,
  body: unknown,
): Promise<{ status: number; body: string }> {
  return rawRequest(kc, 'POST', path, body);
}

function rawRequest(
  kc: KubeConfig,
  method: string,
  path: string,
  payload?: unknown,
): Promise<{ status: number; body: string }> {
  const cluster = kc.getCurrentCluster();
  const user = kc.getCurrentUser();
  if (!cluster) throw new Error('kubeconfig has no current cluster');
  const ca = caOf(cluster);
  const data = payload === undefined ? undefined : JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = https.request(
      new URL(path, cluster.server),
      {
        method,
        ca,
        headers: {
          ...(user?.token ? { Authorization: `Bearer ${user.token}` } : {}),
          ...(data
            ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) }
            : {}),
        },
        timeout: 5000,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end(data);
  });
}

export function parseManifests(text: string): KubernetesObject[] {
  return YAML.parseAllDocuments(text)
    .map((d) => d.toJSON() as KubernetesObject | null)
    .filter((o): o is KubernetesObject => !!o && typeof o === 'object' && !!o.kind);
}

/** Server-side apply, so re-running start is idempotent and never fights over fields. */
export async function applyAll(
  kc: KubeConfig,
  objects: KubernetesObject[],
  fieldManager = 'stratus-devcluster',
): Promise<void> {
  const api = KubernetesObjectApi.makeApiClient(kc);
  for (const obj of objects) {
    await api.patch(obj, undefined, undefined, fieldManager, true, PatchStrategy.ServerSideApply);
  }
}
