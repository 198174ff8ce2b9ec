import 'server-only';

import { z } from 'zod';

const prefix = z
  .string()
  .min(1, 'must not be empty: without a prefix an identity-provider claim could name any user')
  .refine((p) => !p.startsWith('system:'), 'must not start with system:');

// Server settings, validated once. The devcluster writes these for the demo and tests (app.env).
const schema = z.object({
  STRATUS_OIDC_ISSUER: z.url(),
  /** PEM bundle the app trusts for its calls to the issuer (a private CA; the devcluster's). */
  STRATUS_OIDC_CA_FILE: z.string().min(1).optional(),
  /**
   * How people reach kube-apiserver: `passthrough` sends their own ID token (kube-apiserver
   * authenticates them, deploy/auth); `impersonation` is the fallback for API servers that can't
   * use OIDC: the dashboard's credential impersonates them (deploy/rbac/impersonation.yaml) and is
   * then as powerful as cluster-admin.
   */
  STRATUS_IDENTITY_MODE: z.enum(['passthrough', 'impersonation']).default('passthrough'),
  STRATUS_OIDC_CLIENT_ID: z.string().min(1),
  STRATUS_OIDC_CLIENT_SECRET: z.string().min(1),
  /** The ID-token claim that carries the user's groups. */
  STRATUS_OIDC_GROUPS_CLAIM: z.string().default('groups'),
  /**
   * Prefixes keep IdP-asserted names out of the system: namespace (like kube-apiserver's
   * --oidc-*-prefix). An empty prefix would let a claim name any identity, so it is refused.
   */
  STRATUS_OIDC_USER_PREFIX: prefix.default('oidc:'),
  STRATUS_OIDC_GROUP_PREFIX: prefix.default('oidc:'),
  /** Groups named like this make a person a member of a tenant: $1 = tenant name. */
  STRATUS_TENANT_GROUP_PATTERN: z.string().default('^tenant-([a-z0-9-]+)-(admins|viewers)$'),
  STRATUS_TENANT_NAMESPACE_PREFIX: z.string().default('tenant-'),
  /** How long a sign-in lasts, in seconds (then the "session expired" banner and sign in again). */
  STRATUS_SESSION_MAX_AGE: z.coerce
    .number()
    .int()
    .positive()
    .default(8 * 60 * 60),
  // LINSTOR's controller REST API (lib/linstor): only the dashboard reads it. Unset = replica
  // health shows "not configured"; the volume pages still work from Kubernetes alone.
  STRATUS_LINSTOR_URL: z.url().optional(),
  /** PEM bundle to trust for an https URL (else the system's roots). */
  STRATUS_LINSTOR_CA_FILE: z.string().min(1).optional(),
  /** A bearer token, or a file holding one (the file wins; it can be rotated without a restart). */
  STRATUS_LINSTOR_TOKEN: z.string().min(1).optional(),
  STRATUS_LINSTOR_TOKEN_FILE: z.string().min(1).optional(),
  /** How long one LINSTOR call may take before replica health shows "unavailable". */
  STRATUS_LINSTOR_TIMEOUT_MS: z.coerce.number().int().positive().default(3000),
});

export type ServerEnv = z.infer<typeof schema>;

let cached: ServerEnv | undefined;
export function serverEnv(): ServerEnv {
  cached ??= schema.parse(process.env);
  return cached;
}
