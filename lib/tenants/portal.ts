// What the tenant portal lists, by route segment. Pure, shared by pages and navigation.
import type { MessageKey } from '../i18n/messages';
import type { ModelId } from '../k8s/models';
import type { Subscription } from '../live/protocol';

export interface PortalResource {
  segment: string;
  model: ModelId;
  /** What a tenant calls it (navigation, headings, counts). */
  title: MessageKey;
  labelSelector?: string;
  fieldSelector?: string;
}

export const portalResources: PortalResource[] = [
  { segment: 'clusters', model: 'clusters', title: 'nav.clusters' },
  { segment: 'virtualmachines', model: 'virtualmachines', title: 'nav.vms' },
  { segment: 'persistentvolumeclaims', model: 'persistentvolumeclaims', title: 'nav.volumes' },
  // Load balancers are the tenant's Services of type LoadBalancer.
  {
    segment: 'services',
    model: 'services',
    title: 'nav.loadBalancers',
    fieldSelector: 'spec.type=LoadBalancer',
  },
];

export function portalResource(segment: string): PortalResource | undefined {
  return portalResources.find((r) => r.segment === segment);
}

/** The live list a portal resource shows in a tenant namespace (optionally narrowed to one name). */
export function portalSubscription(
  r: PortalResource,
  namespace: string,
  name?: string,
): Subscription {
  const fieldSelector = name ? `metadata.name=${name}` : r.fieldSelector;
  return {
    model: r.model,
    namespace,
    ...(r.labelSelector && !name ? { labelSelector: r.labelSelector } : {}),
    ...(fieldSelector ? { fieldSelector } : {}),
  };
}
