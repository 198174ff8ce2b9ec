// Submit → all objects accepted, for tenant-cluster creation as the create action runs it: platform
// checks (instancetypes, DataStore, add-on sources, quota), then dry run of each object and the
// creates — Cilium and ingress-nginx releases included. As a tenant admin, in a throwaway tenant.
import { createClusterSchema } from '../lib/clusters/schema';
import { defaultNodeGroup } from '../lib/clusters/draft';
import { buildContext, createClusterObjects, preflight } from '../lib/clusters/server';
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
        addons: ['ingress-nginx'],
      });
      const t0 = performance.now();
      const built = await buildContext(kube, tenant.namespace, input);
      if (!built.ok) throw new Error(JSON.stringify(built.problem));
      const refused = await preflight(kube, input, built.ctx);
      if (refused) throw new Error(JSON.stringify(refused));
      await createClusterObjects(kube, input, built.ctx);
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
