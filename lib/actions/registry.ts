import 'server-only';

// Every server action, enumerable: the isolation and fuzzing suites walk this list, so an action
// that is not here is caught by lib/actions/registry.test.ts (it scans for 'use server' modules).
import * as clusterActions from '../clusters/actions';
import * as vmActions from '../vms/actions';
import * as loadBalancerActions from '../loadbalancers/actions';
import * as releaseActions from '../releases/actions';
import * as inventoryActions from '../inventory/actions';
import * as tenantAdminActions from '../tenants/admin-actions';
import * as nodeActions from '../nodes/actions';
import type { ActionInfo } from './define-action';
import * as resourceActions from './delete-resource';
import * as volumeActions from '../volumes/actions';

export const actionModules = {
  'lib/clusters/actions.ts': clusterActions,
  'lib/vms/actions.ts': vmActions,
  'lib/actions/delete-resource.ts': resourceActions,
  'lib/loadbalancers/actions.ts': loadBalancerActions,
  'lib/releases/actions.ts': releaseActions,
  'lib/inventory/actions.ts': inventoryActions,
  'lib/tenants/admin-actions.ts': tenantAdminActions,
  'lib/volumes/actions.ts': volumeActions,
  'lib/nodes/actions.ts': nodeActions,
} as const;

export const actionRegistry: ActionInfo[] = Object.values(actionModules).flatMap((mod) =>
  Object.values(mod).map((a) => a.info),
);
