import 'server-only';

import { canI, type Verb } from '../k8s/access';
import { models, type ModelId } from '../k8s/models';
import type { Subscription } from '../live/protocol';
import { prefetchLists } from '../live/prefetch';
import { tenantFromRoute } from '../tenants/resolve';

export interface PermissionCheck {
  verb: Verb;
  model: ModelId;
  subresource?: string;
  /** Where the subresource is served by another API group (KubeVirt's subresources.kubevirt.io). */
  group?: string;
}

/**
 * What every tenant page loads: the tenant from the route (or not-found), the lists it shows
 * prefetched as the person, and what they may do there (only to hide controls; the API server
 * decides every real call).
 */
export async function loadTenantPage<C extends string = never>(
  tenantName: string,
  spec: {
    lists?: (namespace: string) => Subscription[];
    can?: Record<C, PermissionCheck>;
    /** Prefetch only this many items of each list (lists that may hold thousands): the stream brings the rest. */
    firstPage?: number;
  } = {},
) {
  const { viewer, kube, tenant } = await tenantFromRoute(tenantName);
  const checks = Object.entries(spec.can ?? {}) as [C, PermissionCheck][];
  const [state, allowed] = await Promise.all([
    prefetchLists(kube, spec.lists?.(tenant.namespace) ?? [], { firstPage: spec.firstPage }),
    canI(
      kube,
      checks.map(([, c]) => ({
        verb: c.verb,
        model: { group: c.group ?? models[c.model].group, plural: models[c.model].plural },
        namespace: tenant.namespace,
        subresource: c.subresource,
      })),
    ),
  ]);
  const can = Object.fromEntries(checks.map(([k], i) => [k, allowed[i] ?? false])) as Record<
    C,
    boolean
  >;
  return { viewer, kube, tenant, state, can };
}
