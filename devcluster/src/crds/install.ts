// Installs the files prepareCrds wrote and waits until the API server serves every one of them.
import fsp from 'node:fs/promises';
import path from 'node:path';
import {
  ApiException,
  ApiextensionsV1Api,
  loadYaml,
  Watch,
  type KubeConfig,
  type V1CustomResourceDefinition,
} from '@kubernetes/client-node';
import { DIGEST_ANNOTATION, mapLimit } from './prepare.ts';

export interface InstallOptions {
  /** Overall deadline for applying and establishing all CRDs. */
  timeoutMs?: number;
  /** Requests in flight at once; CRDs are large and the server rebuilds OpenAPI per write. */
  concurrency?: number;
}

const FIELD_MANAGER = 'stratus-devcluster';
const CRDS_PATH = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';

interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
}

export async function installCrds(
  kc: KubeConfig,
  files: string[],
  opts: InstallOptions = {},
): Promise<void> {
  const api = kc.makeApiClient(ApiextensionsV1Api);
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);

  const results = await mapLimit(files, opts.concurrency ?? 6, async (file) => {
    // loadYaml maps YAML keys onto the client's typed model, which is what its serializer expects.
    const crd = loadYaml<V1CustomResourceDefinition>(await fsp.readFile(file, 'utf8'));
    const name = crd.metadata?.name;
    if (!name) throw new Error(`crds: ${path.basename(file)} has no metadata.name`);
    return { name, conditions: await apply(api, crd, name) };
  });
  // Unchanged CRDs on a warm cluster are usually established already; watch only for the rest.
  const pending = new Set(results.filter((r) => !ready(r.name, r.conditions)).map((r) => r.name));
  await waitEstablished(kc, pending, deadline);
}

/** Creates or replaces one CRD; returns the conditions the server reports for it. */
async function apply(
  api: ApiextensionsV1Api,
  crd: V1CustomResourceDefinition,
  name: string,
): Promise<Condition[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      const current = await readOrUndefined(api, name);
      if (!current) {
        await api.createCustomResourceDefinition({ body: crd, fieldManager: FIELD_MANAGER });
        return [];
      }
      const digest = crd.metadata?.annotations?.[DIGEST_ANNOTATION];
      if (digest && current.metadata?.annotations?.[DIGEST_ANNOTATION] === digest) {
        return current.status?.conditions ?? [];
      }
      const body: V1CustomResourceDefinition = {
        ...crd,
        metadata: { ...crd.metadata, resourceVersion: current.metadata?.resourceVersion },
      };
      await api.replaceCustomResourceDefinition({ name, body, fieldManager: FIELD_MANAGER });
      return [];
    } catch (err) {
      // 409: created or written by someone else in between; read again and retry.
      if (err instanceof ApiException && err.code === 409 && attempt < 3) continue;
      throw rejected(name, err);
    }
  }
}

async function readOrUndefined(api: ApiextensionsV1Api, name: string) {
  try {
    return await api.readCustomResourceDefinition({ name });
  } catch (err) {
    if (err instanceof ApiException && err.code === 404) return undefined;
    throw err;
  }
}

function ready(name: string, conditions: Condition[]): boolean {
  const names = conditions.find((c) => c.type === 'NamesAccepted');
  if (names?.status === 'False') {
    throw new Error(`crds: ${name} was rejected: ${names.reason}: ${names.message}`);
  }
  const established = conditions.find((c) => c.type === 'Established');
  return established?.status === 'True' && names?.status === 'True';
}

/**
 * Watches the CRD collection until every pending name is Established with its names accepted.
 * A watch opened without a resourceVersion starts with the current state, so nothing is missed.
 */
async function waitEstablished(kc: KubeConfig, pending: Set<string>, deadline: number) {
  while (pending.size > 0) {
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new Error(`crds: not Established before the deadline: ${[...pending].join(', ')}`);
    }
    await watchOnce(kc, pending, left);
  }
}

/** Resolves when all are ready or the server closes the watch; rejects on rejection or timeout. */
function watchOnce(kc: KubeConfig, pending: Set<string>, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let controller: AbortController | undefined;
    let settled = false;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      controller?.abort();
      if (err) reject(err);
      else resolve();
    };
    const timer = setTimeout(
      () =>
        finish(new Error(`crds: not Established before the deadline: ${[...pending].join(', ')}`)),
      timeoutMs,
    );
    const onEvent = (_phase: string, obj: unknown) => {
      const crd = obj as V1CustomResourceDefinition;
      const name = crd.metadata?.name;
      if (!name || !pending.has(name)) return;
      try {
        if (ready(name, crd.status?.conditions ?? [])) pending.delete(name);
      } catch (err) {
        finish(err as Error);
        return;
      }
      if (pending.size === 0) finish();
    };
    const onDone = (err: unknown) => {
      if (err && !settled) finish(new Error(`crds: watching CRDs failed: ${String(err)}`));
      else finish(); // Closed by the server: the caller opens a new watch if needed.
    };
    new Watch(kc).watch(CRDS_PATH, {}, onEvent, onDone).then(
      (c) => {
        controller = c;
        if (settled) c.abort();
      },
      (err: unknown) => finish(new Error(`crds: watching CRDs failed: ${String(err)}`)),
    );
  });
}

function rejected(name: string, err: unknown): Error {
  if (err instanceof ApiException) {
    let message = String(err.body);
    try {
      message = (JSON.parse(String(err.body)) as { message?: string }).message ?? message;
    } catch {
      // Not a Status object; keep the raw body.
    }
    return new Error(`crds: the API server rejected ${name} (HTTP ${err.code}): ${message}`);
  }
  if (err instanceof Error && err.message.startsWith('crds:')) return err;
  return new Error(`crds: installing ${name} failed: ${err instanceof Error ? err.message : err}`, {
    cause: err,
  });
}
