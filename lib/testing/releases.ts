// A throwaway HelmRelease with a status as helm-controller writes it (the CRD requires the
// history fields), and a status writer for test objects: shared by integration and e2e tests.
import {
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
  type KubernetesObject,
} from '@kubernetes/client-node';

import type { Admin } from './admin';

export function testRelease(namespace: string, name: string): KubernetesObject & { spec: unknown } {
  return {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: { name, namespace, labels: { 'stratus.dev/test': 'true' } },
    spec: {
      interval: '5m',
      chart: {
        spec: {
          chart: 'podinfo',
          version: '6.9.0',
          sourceRef: { kind: 'HelmRepository', name: 'cozystack-system', namespace: 'cozy-public' },
        },
      },
      values: { replicaCount: 2 },
    },
  };
}

export function readyReleaseStatus(
  namespace: string,
  name: string,
  now = new Date().toISOString(),
) {
  return {
    observedGeneration: 1,
    lastAttemptedRevision: '6.9.0',
    history: [
      {
        name,
        namespace,
        version: 3,
        status: 'deployed',
        chartName: 'podinfo',
        chartVersion: '6.9.0',
        configDigest: 'sha256:0000000000000000000000000000000000000000000000000000000000000000',
        digest: 'sha256:1111111111111111111111111111111111111111111111111111111111111111',
        firstDeployed: now,
        lastDeployed: now,
      },
    ],
    conditions: [
      {
        type: 'Ready',
        status: 'True',
        reason: 'UpgradeSucceeded',
        message: `Helm upgrade succeeded for release ${namespace}/${name}.v3 with chart podinfo@6.9.0`,
        lastTransitionTime: now,
        observedGeneration: 1,
      },
    ],
  };
}

/** Writes an object's status subresource as cluster-admin (what its controller would do). */
export async function writeStatus(
  admin: Admin,
  o: { group: string; version: string; plural: string; namespace: string; name: string },
  status: unknown,
): Promise<void> {
  await admin.kc
    .makeApiClient(CustomObjectsApi)
    .patchNamespacedCustomObjectStatus(
      { ...o, body: { status } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
}
