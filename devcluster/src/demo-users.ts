// The demo's people. The development OIDC issuer signs them in; the seed binds their groups by RBAC.
// Passwords are for the local demo only and are printed in the README.

export interface DemoUser {
  /** OIDC `sub` and `email`: the Kubernetes username, prefixed `oidc:` (deploy/auth, lib/auth). */
  email: string;
  name: string;
  password: string;
  groups: string[];
  role: string;
}

export interface DemoTenant {
  name: string;
  displayName: string;
  namespace: string;
}

export const demoTenants: DemoTenant[] = [
  { name: 'acme', displayName: 'ACME Corporation', namespace: 'tenant-acme' },
  { name: 'globex', displayName: 'Globex Industries', namespace: 'tenant-globex' },
];

export const demoUsers: DemoUser[] = [
  {
    email: 'alice@acme.example',
    name: 'Alice Admin',
    password: 'alice-demo',
    groups: ['tenant-acme-admins'],
    role: 'tenant admin of acme',
  },
  {
    email: 'bob@globex.example',
    name: 'Bob Builder',
    password: 'bob-demo',
    groups: ['tenant-globex-admins'],
    role: 'tenant admin of globex',
  },
  {
    email: 'carol@acme.example',
    name: 'Carol Viewer',
    password: 'carol-demo',
    groups: ['tenant-acme-viewers'],
    role: 'read-only member of acme',
  },
  {
    email: 'oscar@ops.example',
    name: 'Oscar Operator',
    password: 'oscar-demo',
    groups: ['stratus-operators'],
    role: 'operator',
  },
];

/**
 * Readers for load benchmarks (bench/many-streams.ts): viewers of acme, sixteen of them so that 200
 * live streams fit under the per-person stream cap (lib/live/hub.ts). The issuer signs them in but
 * its sign-in page does not list them; like carol, they can only read.
 */
export const loadUsers: DemoUser[] = Array.from({ length: 16 }, (_, i) => {
  const n = String(i + 1).padStart(2, '0');
  return {
    email: `load-${n}@acme.example`,
    name: `Load Reader ${n}`,
    password: `load-${n}-demo`,
    groups: ['tenant-acme-viewers'],
    role: 'load-benchmark reader of acme',
  };
});

/** Everyone the development issuer signs in. */
export const knownUsers: DemoUser[] = [...demoUsers, ...loadUsers];

/** The OIDC client the dashboard signs in with. */
export const oidcClient = { id: 'stratus-dashboard', secret: 'stratus-dev-secret' } as const;
