// Who is in a tenant: the groups its RoleBindings bind to the tenant roles. Pure.
import type { KubeObject } from '../k8s/types';
import { ADMIN_ROLE, VIEWER_ROLE } from './admin-build';

export type RoleBindingObject = KubeObject & {
  roleRef?: { kind?: string; name?: string };
  subjects?: { kind?: string; name?: string }[];
};

export function membersOf(bindings: RoleBindingObject[], groupPrefix: string) {
  const of = (role: string) =>
    bindings
      .filter((b) => b.roleRef?.kind === 'ClusterRole' && b.roleRef.name === role)
      .flatMap((b) => b.subjects ?? [])
      .filter((s) => s.kind === 'Group' && s.name)
      .map((s) =>
        s.name?.startsWith(groupPrefix) ? s.name.slice(groupPrefix.length) : (s.name ?? ''),
      )
      .sort();
  return { admins: of(ADMIN_ROLE), viewers: of(VIEWER_ROLE) };
}
