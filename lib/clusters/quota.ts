// Whether a new cluster fits the tenant's ResourceQuota, computed before submitting. Pure.
import type { Msg } from '../i18n/messages';
import type { ResourceQuotaObject } from '../k8s/objects';
import { quotaShortfalls } from '../tenants/quota-check';
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
  return quotaShortfalls(quotas, wants);
}
