// Tenant clusters made with cluster-admin through the API (the same builder the dashboard runs),
// for states the form refuses to make, e.g. node labels the kubelet rejects.
import type { KubernetesObject } from '@kubernetes/client-node';

import { buildCluster } from '../lib/clusters/build';
import { createClusterSchema } from '../lib/clusters/schema';
import { defaultNodeGroup } from '../lib/clusters/draft';
import type { Admin } from '../lib/testing/admin';
import { testContext } from '../lib/testing/platform';
import type { Cleanup } from './fixtures';

export interface ApiCluster {
  namespace: string;
  name: string;
  personalAccess?: boolean;
  /** Rewrites each built object's JSON before it is created (to break what the form keeps right). */
  tamper?: (json: string) => string;
}

export async function createThroughApi(
  admin: Admin,
  cleanup: Cleanup,
  c: ApiCluster,
): Promise<void> {
  const input = createClusterSchema.parse({
    name: c.name,
    version: 'v1.34.1',
    controlPlaneReplicas: 1,
    nodeGroups: [{ ...defaultNodeGroup, replicas: 1 }],
    personalAccess: c.personalAccess ?? false,
  });
  const { objects } = buildCluster(input, testContext(c.namespace, input));
  // Cleanup runs newest first, so the Cluster (created first) goes last.
  for (const o of objects) {
    const json = JSON.stringify(o);
    const object = JSON.parse(c.tamper ? c.tamper(json) : json) as KubernetesObject;
    await admin.create(cleanup.add(object));
  }
}
