// Whether a new cluster fits the tenant's ResourceQuota, computed before submitting. Pure.
import { msg, type Msg } from '../i18n/messages';
import type { ResourceQuotaObject } from '../k8s/objects';
import { parseQuantity } from '../tenants/quantity';
import { quotaResourceLabel } from '../tenants/quota-labels';
import { requestedStorageGi } from './build';
import type { CreateClusterInput } from './schema';
import { groupSize, type InstancetypeSizes } from './sizes';

/** Shortfalls per quota; groups whose instancetype is unknown count nothing (refused elsewhere). */
export function quotaShortfall(
  quotas: ResourceQuotaObject[],
  input: CreateClusterInput,
  sizes: InstancetypeSizes,
): Msg[] {
  const size = (g: CreateClusterInput['nodeGroups'][number]) =>
    g.autoscale ? g.minReplicas : g.replicas;
  const shape = (g: CreateClusterInput['nodeGroups'][number]) =>
    groupSize(g, sizes) ?? { cpu: 0, memoryGi: 0 };
  const nodes = input.nodeGroups.reduce((s, g) => s + size(g), 0);
  const wants: Record<string, number> = {
    'count/clusters.cluster.x-k8s.io': 1,
    'count/machinedeployments.cluster.x-k8s.io': input.nodeGroups.length,
    'requests.storage': requestedStorageGi(input) * 2 ** 30,
    persistentvolumeclaims: nodes,
    // Each worker is a VM whose launcher pod requests its CPU and memory.
    'requests.cpu': input.nodeGroups.reduce((s, g) => s + size(g) * shape(g).cpu, 0),
    'requests.memory':
      input.nodeGroups.reduce((s, g) => s + size(g) * shape(g).memoryGi, 0) * 2 ** 30,
  };
  const problems: Msg[] = [];
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

function describe(resource: string, used: number, add: number, hard: number): Msg {
  if (resource === 'requests.storage' || resource === 'requests.memory') {
    const gi = (n: number) => Math.round(n / 2 ** 30);
    return msg(resource === 'requests.storage' ? 'quota.shortStorage' : 'quota.shortMemory', {
      needs: gi(add),
      left: gi(Math.max(0, hard - used)),
      hard: gi(hard),
    });
  }
  return msg('quota.short', {
    what: quotaResourceLabel(resource),
    needs: add,
    left: Math.max(0, hard - used),
    hard,
  });
}
