// Whether a new cluster fits the tenant's ResourceQuota, computed before submitting. Pure.
import { parseQuantity } from '../tenants/overview';
import { requestedStorageGi } from './build';
import type { CreateClusterInput } from './schema';

interface Quota {
  status?: { hard?: Record<string, string>; used?: Record<string, string> };
}

export function quotaShortfall(quotas: Quota[], input: CreateClusterInput): string[] {
  const nodes = input.nodeGroups.reduce(
    (s, g) => s + (g.autoscale ? g.minReplicas : g.replicas),
    0,
  );
  const wants: Record<string, number> = {
    'count/clusters.cluster.x-k8s.io': 1,
    'count/machinedeployments.cluster.x-k8s.io': input.nodeGroups.length,
    'requests.storage': requestedStorageGi(input) * 2 ** 30,
    persistentvolumeclaims: nodes,
  };
  const problems: string[] = [];
  for (const q of quotas) {
    for (const [resource, add] of Object.entries(wants)) {
      const hard = q.status?.hard?.[resource];
      if (hard === undefined || add === 0) continue;
      const h = parseQuantity(hard) ?? Infinity;
      const used = parseQuantity(q.status?.used?.[resource] ?? '0') ?? 0;
      if (used + add > h) problems.push(describe(resource, used, add, h));
    }
  }
  return problems;
}

function describe(resource: string, used: number, add: number, hard: number): string {
  if (resource === 'requests.storage') {
    const gi = (n: number) => `${Math.round(n / 2 ** 30)} GiB`;
    return `Storage: needs ${gi(add)}, ${gi(Math.max(0, hard - used))} left of ${gi(hard)}.`;
  }
  const what = resource.replace(/^count\//, '').split('.')[0] ?? resource;
  return `${what}: needs ${add}, ${Math.max(0, hard - used)} left of ${hard}.`;
}
