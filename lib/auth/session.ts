import 'server-only';

import { getServerSession } from 'next-auth';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';

import { serverEnv } from '../env';
import { UnauthenticatedError } from '../k8s/errors';
import type { KubeIdentity } from '../k8s/identity';
import { kubeFor, type KubeClient } from '../k8s/client';
import { logError } from '../log';
import { kubeIdentity } from './identity';
import { authOptions } from './options';
import { readSessionJwt } from './session-refresh';

export interface Viewer {
  name: string;
  email: string;
  groups: string[];
  identity: KubeIdentity;
  /** When the session ends (ms since epoch). */
  expiresAt?: number;
  /** The sign-in this request belongs to (revoked by signing out). */
  sessionId?: string;
}

/** The signed-in person for this request, or null. Cached per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getServerSession(authOptions());
  if (!session || !session.sub || session.expiresAt <= Date.now()) return null;
  const env = serverEnv();
  const email = session.user?.email ?? session.sub;
  let identity: KubeIdentity;
  try {
    identity = kubeIdentity(
      { sub: session.sub, email, groups: session.groups },
      { userPrefix: env.STRATUS_OIDC_USER_PREFIX, groupPrefix: env.STRATUS_OIDC_GROUP_PREFIX },
    );
  } catch (e) {
    // A name that would be a system identity is nobody we act as.
    logError('session refused', e, { code: 'forbidden' });
    return null;
  }
  if (env.STRATUS_IDENTITY_MODE === 'passthrough') {
    // The person's own ID token is their credential; proxy.ts refreshed it if it was due. Without
    // a current one there is nobody to act as (the lost-session banner: sign in again).
    const jwt = await readSessionJwt(await cookies());
    if (!jwt?.idToken || jwt.refreshFailed || (jwt.idTokenExpiresAt ?? 0) <= Date.now())
      return null;
    identity = { ...identity, token: jwt.idToken, tokenExpiresAt: jwt.idTokenExpiresAt };
  }
  return {
    name: session.user?.name ?? email,
    email,
    groups: session.groups,
    expiresAt: session.expiresAt,
    sessionId: session.sid,
    identity,
  };
});

// One client per viewer per request, so the layout and the page share the per-client caches
// (tenantsFor, canI) instead of asking the API server the same questions twice.
const kubeOf = cache((viewer: Viewer): KubeClient => kubeFor(viewer.identity));

/** The viewer and a Kubernetes client acting as them; throws when nobody is signed in. */
export async function requireKube(): Promise<{ viewer: Viewer; kube: KubeClient }> {
  const viewer = await getViewer();
  if (!viewer) throw new UnauthenticatedError();
  return { viewer, kube: kubeOf(viewer) };
}

/**
 * For server pages: like requireKube, but a signed-out visitor is sent to sign in (the layout does
 * the same, with the return path; pages render alongside it, so they must not throw meanwhile).
 */
export async function requirePageKube(): Promise<{ viewer: Viewer; kube: KubeClient }> {
  const viewer = await getViewer();
  if (!viewer) return signInRedirect();
  return { viewer, kube: kubeOf(viewer) };
}

/** Sends a signed-out visitor to sign in, coming back to the page they asked for (see proxy.ts). */
export async function signInRedirect(): Promise<never> {
  const path = (await headers()).get('x-stratus-path') ?? '/';
  redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
}
