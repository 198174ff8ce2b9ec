// What the tenant portal lists, by route segment. Pure, shared by pages and navigation.
import type { ModelId } from '../k8s/models';

export interface PortalResource {
  segment: string;
  model: ModelId;
  labelSelector?: string;
  fieldSelector?: string;
}

export const portalResources: PortalResource[] = [
  { segment: 'clusters', model: 'clusters' },
  { segment: 'virtualmachines', model: 'virtualmachines' },
  { segment: 'persistentvolumeclaims', model: 'persistentvolumeclaims' },
  // Load balancers are the tenant's Services of type LoadBalancer.
  { segment: 'services', model: 'services', fieldSelector: 'spec.type=LoadBalancer' },
];

export function portalResource(segment: string): PortalResource | undefined {
  return portalResources.find((r) => r.segment === segment);
}
