// Submit → all objects accepted, for tenant-cluster creation (dry run of each, then the creates), as a
// tenant admin through the dashboard's own code path. Runs in a throwaway tenant.
import { createClusterSchema, defaultNodeGroup } from '../lib/clusters/schema';
import { createClusterObjects } from '../lib/clusters/server';
import { kubeFor } from '../lib/k8s/client';
import { Admin, uniqueName } from '../lib/testing/admin';
import { memberOf } from '../lib/testing/viewers';
import { percentile } from './lib';

export async function clusterCreate(
  n = 30,
): Promise<{ p50: number; p95: number; max: number; n: number }> {
  const admin = new Admin();
  const tenant = await admin.createTenant(uniqueName('bench'));
  // Room for every run's clusters: the benchmark measures the API path, not the quota.
  await admin.apply([
    {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'tenant-quota', namespace: tenant.namespace },
      spec: { hard: { 'count/clusters.cluster.x-k8s.io': String(n + 5) } },
    },
  ] as never[]);
  try {
    const kube = kubeFor(memberOf(tenant.name, 'admins').identity);
    const samples: number[] = [];
    for (let i = 0; i < n; i++) {
      const input = createClusterSchema.parse({
        name: `bench-${i}`,
        version: 'v1.34.1',
        controlPlaneReplicas: 2,
        nodeGroups: [defaultNodeGroup],
      });
      const t0 = performance.now();
      await createClusterObjects(kube, tenant.namespace, input);
      samples.push(performance.now() - t0);
    }
    const sorted = [...samples].sort((a, b) => a - b);
    return {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      max: sorted.at(-1) ?? NaN,
      n,
    };
  } finally {
    await admin.deleteTenant(tenant.name);
  }
}
