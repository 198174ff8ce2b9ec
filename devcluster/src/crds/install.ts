// Installs the files prepareCrds wrote and waits until the API server serves every one of them.
import fsp from 'node:fs/promises';
import path from 'node:path';
import {
  ApiException,
  ApiextensionsV1Api,
  loadYaml,
  type KubeConfig,
  type V1CustomResourceDefinition,
} from '@kubernetes/client-node';

export interface InstallOptions {
  /** Overall deadline for applying and establishing all CRDs. */
  timeoutMs?: number;
  /** Requests in flight at once; CRDs are large, so a few suffice to keep the server busy. */
  concurrency?: number;
}

const FIELD_MANAGER = 'stratus-devcluster';

export async function installCrds(
  kc: KubeConfig,
  files: string[],
  opts: InstallOptions = {},
): Promise<void> {
  const api = kc.makeApiClient(ApiextensionsV1Api);
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  const limit = opts.concurrency ?? 6;

  const names = await mapLimit(files, limit, async (file) => {
    // loadYaml maps YAML keys onto the client's typed model, which is what the serializer expects.
    const crd = loadYaml<V1CustomResourceDefinition>(await fsp.readFile(file, 'utf8'));
    const name = crd.metadata?.name;
    if (!name) throw new Error(`crds: ${path.basename(file)} has no metadata.name`);
    await apply(api, crd, name);
    return name;
  });
  // Establishing runs in the background on the server, so wait only after everything is applied.
  await mapLimit(names, limit, (name) => waitEstablished(api, name, deadline));
}

async function apply(api: ApiextensionsV1Api, crd: V1CustomResourceDefinition, name: string) {
  try {
    await api.createCustomResourceDefinition({ body: crd, fieldManager: FIELD_MANAGER });
    return;
  } catch (err) {
    if (!(err instanceof ApiException) || err.code !== 409) throw rejected(name, err);
  }
  // Already there (warm cluster): replace, retrying if someone else wrote in between.
  for (let attempt = 0; ; attempt++) {
    const current = await api.readCustomResourceDefinition({ name });
    const body: V1CustomResourceDefinition = {
      ...crd,
      metadata: { ...crd.metadata, resourceVersion: current.metadata?.resourceVersion },
    };
    try {
      await api.replaceCustomResourceDefinition({ name, body, fieldManager: FIELD_MANAGER });
      return;
    } catch (err) {
      if (err instanceof ApiException && err.code === 409 && attempt < 3) continue;
      throw rejected(name, err);
    }
  }
}

async function waitEstablished(api: ApiextensionsV1Api, name: string, deadline: number) {
  let delay = 25;
  for (;;) {
    const crd = await api.readCustomResourceDefinitionStatus({ name });
    const conditions = crd.status?.conditions ?? [];
    const status = (type: string) => conditions.find((c) => c.type === type);
    const names = status('NamesAccepted');
    if (names?.status === 'False') {
      throw new Error(`crds: ${name} was rejected: ${names.reason}: ${names.message}`);
    }
    if (status('Established')?.status === 'True' && names?.status === 'True') return;
    if (Date.now() + delay > deadline) {
      const seen = conditions.map((c) => `${c.type}=${c.status} (${c.reason ?? ''})`).join(', ');
      throw new Error(`crds: ${name} not Established before the deadline; conditions: ${seen || 'none'}`);
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 500);
  }
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
  return new Error(`crds: installing ${name} failed: ${err instanceof Error ? err.message : err}`, {
    cause: err,
  });
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
