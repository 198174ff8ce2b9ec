// People for integration tests, mapped to Kubernetes identities exactly as a signed-in session is
// (lib/auth/session.ts getViewer): OIDC claims → prefixed user and groups.
import { demoUsers } from '../../devcluster/src/demo-users.ts';
import type { Viewer } from '../auth/session';
import { kubeIdentity } from '../auth/identity';
import { serverEnv } from '../env';
import { idTokenFor } from './tokens';

/** In token passthrough (the default) the viewer carries an ID token the test issuer would issue. */
export function viewerOf(email: string, groups: string[], name = email): Viewer {
  const env = serverEnv();
  const identity = kubeIdentity(
    { sub: email, email, groups },
    { userPrefix: env.STRATUS_OIDC_USER_PREFIX, groupPrefix: env.STRATUS_OIDC_GROUP_PREFIX },
  );
  const { token, expiresAt } = idTokenFor({ email, groups });
  return {
    name,
    email,
    groups,
    identity:
      env.STRATUS_IDENTITY_MODE === 'passthrough'
        ? { ...identity, token, tokenExpiresAt: expiresAt }
        : identity,
  };
}

export type DemoName = 'alice' | 'bob' | 'carol' | 'oscar';

/** A demo user (devcluster/src/demo-users.ts) by first name, as the dashboard would see them. */
export function demoViewer(first: DemoName): Viewer {
  const user = demoUsers.find((u) => u.email.startsWith(`${first}@`));
  if (!user) throw new Error(`no demo user ${first}`);
  return viewerOf(user.email, user.groups, user.name);
}

/** Someone in a (throwaway) tenant's admins or viewers group. */
export function memberOf(tenant: string, role: 'admins' | 'viewers'): Viewer {
  return viewerOf(`${role}-of-${tenant}@tests.example`, [`tenant-${tenant}-${role}`]);
}
