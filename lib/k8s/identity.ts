/**
 * Who a request to the API server acts as. With a token (token passthrough, the default) it is sent
 * as the bearer credential and kube-apiserver derives the same username and groups from it; in the
 * impersonation fallback, username and groups go as Impersonate-User / Impersonate-Group.
 */
export interface KubeIdentity {
  username: string;
  groups: string[];
  /** The person's own OIDC ID token (passthrough). */
  token?: string;
  /** When that token expires (ms since epoch). */
  tokenExpiresAt?: number;
}
