// How a signed-in person becomes a Kubernetes identity. Pure, so the mapping is unit-tested.
import type { KubeIdentity } from '../k8s/identity';

export interface OidcClaims {
  sub: string;
  /** Only a verified address (email_verified) is ever passed here. */
  email?: string;
  name?: string;
  groups: string[];
}

export interface IdentityConfig {
  userPrefix: string;
  groupPrefix: string;
}

/** Refused: the prefixed name would be a Kubernetes system identity. */
export class UnsafeIdentityError extends Error {}

export function kubeIdentity(claims: OidcClaims, cfg: IdentityConfig): KubeIdentity {
  const username = `${cfg.userPrefix}${claims.email ?? claims.sub}`;
  if (!cfg.userPrefix || username.startsWith('system:'))
    throw new UnsafeIdentityError(`refusing to act as ${username}`);
  return {
    username,
    // Dedupe and drop anything that tries to smuggle a system: group through the IdP.
    groups: [...new Set(claims.groups)]
      .filter((g) => g && !g.startsWith('system:'))
      .map((g) => `${cfg.groupPrefix}${g}`)
      .filter((g) => cfg.groupPrefix !== '' && !g.startsWith('system:')),
  };
}

/** The address a session may use as its name: only one the identity provider has verified. */
export function verifiedEmail(claims: Record<string, unknown>): string | null {
  return typeof claims.email === 'string' && claims.email_verified === true ? claims.email : null;
}

/** Reads the groups claim, which IdPs send as an array or a single string. */
export function groupsFrom(profile: Record<string, unknown>, claim: string): string[] {
  const v = profile[claim];
  if (Array.isArray(v)) return v.filter((g): g is string => typeof g === 'string');
  if (typeof v === 'string') return [v];
  return [];
}
