// The one navigation registry: the tenant portal's sections and the operator console's, with the
// list each resource section shows. Pure; the sidebar, the overview counts and the pages read it.
import type { MessageKey } from './i18n/messages';
import type { ModelId } from './k8s/models';
import type { Subscription } from './live/protocol';

export interface Section {
  /** Route segment under /t/<tenant> ('' for the overview). */
  segment: string;
  title: MessageKey;
  /** The resource list a section shows (and the overview counts). */
  model?: ModelId;
  labelSelector?: string;
  fieldSelector?: string;
}

export interface ResourceSection extends Section {
  model: ModelId;
}

export const tenantSections: Section[] = [
  { segment: '', title: 'nav.overview' },
  { segment: 'clusters', title: 'nav.clusters', model: 'clusters' },
  { segment: 'virtualmachines', title: 'nav.vms', model: 'virtualmachines' },
  // Volumes have their own pages (app/(app)/t/[tenant]/volumes): LINSTOR replicas, expand, snapshots.
  { segment: 'volumes', title: 'nav.volumes', model: 'persistentvolumeclaims' },
  // Load balancers are the tenant's Services of type LoadBalancer (lib/loadbalancers/).
  {
    segment: 'loadbalancers',
    title: 'nav.loadBalancers',
    model: 'services',
    fieldSelector: 'spec.type=LoadBalancer',
  },
  { segment: 'kubeconfig', title: 'nav.kubeconfig' },
];

export const portalSections: ResourceSection[] = tenantSections.filter(
  (s): s is ResourceSection => s.model !== undefined,
);

export interface ConsoleSection {
  href: string;
  title: MessageKey;
  heading: MessageKey;
  model: ModelId;
}

export const consoleSections: ConsoleSection[] = [
  { href: '/console', title: 'nav.overview', heading: 'console.overview', model: 'nodes' },
  { href: '/console/nodes', title: 'nav.nodes', heading: 'console.nodes', model: 'nodes' },
  {
    href: '/console/releases',
    title: 'nav.releases',
    heading: 'console.releases',
    model: 'helmreleases',
  },
  { href: '/console/vms', title: 'nav.vms', heading: 'nav.vms', model: 'virtualmachines' },
  // MetalLB's pools: ranges, usage, who holds which address (lib/loadbalancers/).
  {
    href: '/console/ip-pools',
    title: 'nav.ipPools',
    heading: 'nav.ipPools',
    model: 'ipaddresspools',
  },
  // Hardware inventory and tenants (their own pages; the model is what they list first).
  {
    href: '/console/inventory',
    title: 'nav.inventory',
    heading: 'inventory.title',
    model: 'nodes',
  },
  { href: '/console/tenants', title: 'nav.tenants', heading: 'tenants.title', model: 'namespaces' },
  {
    href: '/console/storage',
    title: 'console.storage',
    heading: 'console.storage',
    model: 'persistentvolumeclaims',
  },
];

export function tenantHref(tenant: string, segment = '', name?: string): string {
  return `/t/${tenant}${segment ? `/${segment}` : ''}${name ? `/${name}` : ''}`;
}

/**
 * Generic pages kept reachable (not in the sidebar) after their section moved to a domain page:
 * /t/<tenant>/services lists the same Services the load-balancer pages show.
 */
const formerSections: ResourceSection[] = [
  {
    segment: 'services',
    title: 'nav.loadBalancers',
    model: 'services',
    fieldSelector: 'spec.type=LoadBalancer',
  },
];

export function portalSection(segment: string): ResourceSection | undefined {
  return (
    portalSections.find((r) => r.segment === segment) ??
    formerSections.find((r) => r.segment === segment)
  );
}

/** The live list a resource section shows in a tenant namespace (optionally narrowed to one name). */
export function sectionSubscription(
  r: ResourceSection,
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

/** What the overview counts a section by: its list, each object only by name. */
export const countSubscription = (r: ResourceSection, namespace: string): Subscription => ({
  ...sectionSubscription(r, namespace),
  view: 'names',
});

/** Whether a sidebar entry is the current section: its own page and everything below it. */
export function isActive(href: string, pathname: string, exact = false): boolean {
  return exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
}
