import 'server-only';

import { FIRST_PAGE } from '../live/prefetch';
import { allOf } from '../live/protocol';
import { loadTenantPage, type PermissionCheck } from '../pages/tenant-page';
import { volumeDetailLists, volumeLists } from './live';
import { linstorVolumeClasses } from './server';

const permissions = {
  create: { verb: 'create', model: 'persistentvolumeclaims' },
  change: { verb: 'patch', model: 'persistentvolumeclaims' },
  delete: { verb: 'delete', model: 'persistentvolumeclaims' },
  snapshot: { verb: 'create', model: 'volumesnapshots' },
} satisfies Record<string, PermissionCheck>;

export type VolumePermissions = Record<keyof typeof permissions, boolean>;

async function withClasses<T extends { kube: Parameters<typeof linstorVolumeClasses>[0] }>(
  page: T,
) {
  // Classes are catalog data every signed-in person may read; a failure leaves the form empty.
  const classes = await linstorVolumeClasses(page.kube).catch(() => []);
  return { ...page, classes };
}

export async function loadVolumeListPage(tenantName: string) {
  return withClasses(
    await loadTenantPage(tenantName, {
      lists: (ns) => allOf(volumeLists(ns)),
      firstPage: FIRST_PAGE,
      can: permissions,
    }),
  );
}

export async function loadVolumeDetailPage(tenantName: string, name: string) {
  return withClasses(
    await loadTenantPage(tenantName, {
      lists: (ns) => allOf(volumeDetailLists(ns, name)),
      can: permissions,
    }),
  );
}
