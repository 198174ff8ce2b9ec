// Whether a new VM fits the tenant's ResourceQuotas, before submitting and again on the server. Pure.
import type { Msg } from '../i18n/messages';
import type { ResourceQuotaObject } from '../k8s/objects';
import type { InstancetypeSizes } from '../clusters/sizes';
import { quotaShortfalls } from '../tenants/quota-check';
import { requestedStorageGi } from './build';
import type { CreateVmInput } from './schema';

/** The VM's CPU and memory: its instancetype's, or the figures typed in; undefined if unknown. */
export function vmSize(
  input: Pick<CreateVmInput, 'instancetype' | 'cpu' | 'memoryGi'>,
  sizes: InstancetypeSizes,
): { cpu: number; memoryGi: number } | undefined {
  if (!input.instancetype) return { cpu: input.cpu, memoryGi: input.memoryGi };
  return sizes.get(input.instancetype);
}

export function vmQuotaShortfall(
  quotas: ResourceQuotaObject[],
  input: CreateVmInput,
  sizes: InstancetypeSizes,
): Msg[] {
  const size = vmSize(input, sizes) ?? { cpu: 0, memoryGi: 0 };
  return quotaShortfalls(quotas, {
    'count/virtualmachines.kubevirt.io': 1,
    'requests.storage': requestedStorageGi(input) * 2 ** 30,
    persistentvolumeclaims: 1 + input.dataDisks.length,
    'requests.cpu': size.cpu,
    'requests.memory': size.memoryGi * 2 ** 30,
    'services.loadbalancers': input.exposeSsh ? 1 : 0,
  });
}
