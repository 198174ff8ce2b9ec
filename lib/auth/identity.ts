// How a signed-in person becomes a Kubernetes identity. Pure, so the mapping is unit-tested.
import type { KubeIdentity } from '../k8s/identity';

export interface OidcClaims {
  sub: string;
  email?: string;
  name?: string;
  groups: string[];
}

export interface IdentityConfig {
  userPrefix: string;
  groupPrefix: string;
}

export function kubeIdentity(claims: OidcClaims, cfg: IdentityConfig): KubeIdentity {
  return {
    username: `${cfg.userPrefix}${claims.email ?? claims.sub}`,
    // Dedupe and drop anything that tries to smuggle a system: group through the IdP.
    groups: [...new Set(claims.groups)]
      .filter((g) => g && !g.startsWith('system:'))
      .map((g) => `${cfg.groupPrefix}${g}`),
  };
}

/** Reads the groups claim, which IdPs send as an array or a single string. */
export function groupsFrom(profile: Record<string, unknown>, claim: string): string[] {
  const v = profile[claim];
  if (Array.isArray(v)) return v.filter((g): g is string => typeof g === 'string');
  if (typeof v === 'string') return [v];
  return [];
}
