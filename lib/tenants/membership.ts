// Which tenants a person's groups point at. Pure; the API server still decides access.

/** Tenant names named by the person's (unprefixed) OIDC groups, e.g. tenant-acme-admins → acme. */
export function tenantCandidates(groups: string[], pattern: string): string[] {
  const re = new RegExp(pattern);
  const names = groups.map((g) => re.exec(g)?.[1]).filter((n): n is string => !!n);
  return [...new Set(names)].sort();
}
