import 'server-only';

import { notFound } from 'next/navigation';

import { requirePageKube } from '../auth/session';
import { tenantsFor } from './server';
import type { Tenant } from './types';

/**
 * The tenant a route names, if this person may open it. A tenant they can't see is "not found" —
 * the page must not confirm that another tenant exists.
 */
export async function tenantFromRoute(name: string) {
  const { viewer, kube } = await requirePageKube();
  const tenant: Tenant | undefined = (await tenantsFor(viewer, kube)).find((t) => t.name === name);
  if (!tenant) notFound();
  return { viewer, kube, tenant };
}
