// The lists load-balancer pages keep live, keyed once for server prefetch and client hooks. Pure.
import { eventsAbout } from '../k8s/events';
import type { Subscription } from '../live/protocol';

/** Where MetalLB's pools live (its controller's namespace). */
export const METALLB_NAMESPACE = 'metallb-system';

/** A tenant's load balancers (or every tenant's: namespace undefined), pools and MetalLB's refusals. */
export function lbLists(namespace: string | undefined) {
  return {
    services: {
      model: 'services',
      namespace,
      fieldSelector: 'spec.type=LoadBalancer',
    } satisfies Subscription<'services'>,
    pools: {
      model: 'ipaddresspools',
      namespace: METALLB_NAMESPACE,
    } satisfies Subscription<'ipaddresspools'>,
    failures: {
      model: 'events',
      namespace,
      fieldSelector: 'involvedObject.kind=Service,reason=AllocationFailed',
    } satisfies Subscription<'events'>,
  };
}

export function lbDetailLists(namespace: string, name: string) {
  return {
    service: {
      model: 'services',
      namespace,
      fieldSelector: `metadata.name=${name}`,
    } satisfies Subscription<'services'>,
    pools: lbLists(namespace).pools,
    events: eventsAbout(namespace, 'Service', name),
  };
}
