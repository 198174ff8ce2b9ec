// The lists the operator overview keeps live. Pure.
import type { Subscription } from '../live/protocol';
import { releaseLists } from '../releases/live';
import { tenantAdminLists } from '../tenants/admin-live';

export const overviewLists = {
  nodes: { model: 'nodes' } satisfies Subscription<'nodes'>,
  fars: { model: 'fenceagentsremediations' } satisfies Subscription<'fenceagentsremediations'>,
  snrs: { model: 'selfnoderemediations' } satisfies Subscription<'selfnoderemediations'>,
  releases: releaseLists.releases,
  pools: tenantAdminLists.pools,
  tenants: tenantAdminLists.namespaces,
  quotas: tenantAdminLists.quotas,
};
