import 'server-only';

// Every server action, enumerable: the isolation and fuzzing suites walk this list, so an action
// that is not here is caught by lib/actions/registry.test.ts (it scans for 'use server' modules).
import * as clusterActions from '../clusters/actions';
import * as vmActions from '../vms/actions';
import * as nodeActions from '../nodes/actions';
import type { ActionInfo } from './define-action';
import * as resourceActions from './delete-resource';

export const actionModules = {
  'lib/clusters/actions.ts': clusterActions,
  'lib/vms/actions.ts': vmActions,
  'lib/actions/delete-resource.ts': resourceActions,
  'lib/nodes/actions.ts': nodeActions,
} as const;

export const actionRegistry: ActionInfo[] = Object.values(actionModules).flatMap((mod) =>
  Object.values(mod).map((a) => a.info),
);
