// What a person calls a quota resource, and how its amounts read. Pure.
import { msg, type Msg } from '../i18n/messages';
import { formatBytes, parseQuantity } from './quantity';

type Unit = 'count' | 'bytes' | 'cores';

const known: Record<string, { label: Msg; unit: Unit }> = {
  'count/clusters.cluster.x-k8s.io': { label: msg('quota.resource.clusters'), unit: 'count' },
  'count/machinedeployments.cluster.x-k8s.io': {
    label: msg('quota.resource.nodeGroups'),
    unit: 'count',
  },
  'count/virtualmachines.kubevirt.io': { label: msg('quota.resource.vms'), unit: 'count' },
  persistentvolumeclaims: { label: msg('quota.resource.volumes'), unit: 'count' },
  'services.loadbalancers': { label: msg('quota.resource.loadBalancers'), unit: 'count' },
  'requests.storage': { label: msg('quota.resource.storage'), unit: 'bytes' },
  'requests.cpu': { label: msg('quota.resource.cpu'), unit: 'cores' },
  cpu: { label: msg('quota.resource.cpu'), unit: 'cores' },
  'limits.cpu': { label: msg('quota.resource.cpuLimit'), unit: 'cores' },
  'requests.memory': { label: msg('quota.resource.memory'), unit: 'bytes' },
  memory: { label: msg('quota.resource.memory'), unit: 'bytes' },
  'limits.memory': { label: msg('quota.resource.memoryLimit'), unit: 'bytes' },
};

export function quotaResourceLabel(resource: string): Msg | string {
  return known[resource]?.label ?? resource;
}

/** "512Gi" → "512 GiB", "8" cores → "8 cores"; unknown kinds of amount stay as written. */
export function quotaAmount(resource: string, quantity: string): Msg | string {
  const unit = known[resource]?.unit;
  const n = parseQuantity(quantity);
  if (n === undefined || !unit) return quantity;
  if (unit === 'bytes') return formatBytes(n);
  if (unit === 'cores') return msg('quota.cores', { n: Math.round(n * 100) / 100 });
  return String(n);
}
