import 'server-only';

// Facts about platform objects tenants can't read themselves (cluster-scoped DataStores, the
// add-on sources in the operator's namespace), looked up with the dashboard's own identity. Its
// RBAC allows `get` on exactly these kinds and nothing that holds a secret; only existence and
// readiness leave this module.
import { kubeAsDashboard } from '../k8s/client';
import { KubeApiError } from '../k8s/errors';
import { models } from '../k8s/models';
import type { KubeObject } from '../k8s/types';
import type { AddonSpec } from './config';

type Readiness = 'ready' | 'missing' | 'notReady';

async function readiness(
  get: () => Promise<KubeObject & { status?: unknown }>,
): Promise<Readiness> {
  try {
    const o = await get();
    const conditions = (o.status as { conditions?: { type: string; status: string }[] } | undefined)
      ?.conditions;
    // A DataStore has no conditions; a source does once source-controller has looked at it.
    if (!conditions) return 'ready';
    return conditions.some((c) => c.type === 'Ready' && c.status === 'True') ? 'ready' : 'notReady';
  } catch (e) {
    if (e instanceof KubeApiError && e.status === 404) return 'missing';
    throw e;
  }
}

export function dataStoreExists(name: string): Promise<boolean> {
  return readiness(() => kubeAsDashboard().get(models.datastores, undefined, name)).then(
    (r) => r !== 'missing',
  );
}

export function addonSourceReadiness(addon: AddonSpec): Promise<Readiness> {
  const { kind, name, namespace } = addon.source;
  const model = kind === 'OCIRepository' ? models.ocirepositories : models.helmrepositories;
  return readiness(() => kubeAsDashboard().get(model, namespace, name));
}
