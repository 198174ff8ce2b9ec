// Both identity modes against the real kube-apiserver: token passthrough (the default — the
// person's own ID token, authenticated by deploy/auth/authentication-config.yaml) and the
// impersonation fallback (the dashboard's credential plus Impersonate-* headers). A person is the
// same Kubernetes user with the same groups either way, so deploy/rbac binds them alike.
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Admin, testClusterDir, uniqueName, type TestTenant } from '../testing/admin';
import { rejectionOf } from '../testing/errors';
import { idTokenFor } from '../testing/tokens';
import { memberOf } from '../testing/viewers';
import { serverEnv } from '../env';
import { KubeClient, kubeAsDashboard, MissingTokenError } from '../k8s/client';
import { KubeApiError } from '../k8s/errors';
import type { KubeIdentity } from '../k8s/identity';
import { models } from '../k8s/models';
import { kubeIdentity } from './identity';

const admin = new Admin();
// The fallback's own identity: deploy/rbac/impersonation.yaml's role, bound by the devcluster to a
// separate user so the dashboard's identity never has it in passthrough.
const impersonator = path.join(testClusterDir(), 'impersonator.kubeconfig');

interface Review {
  status?: { userInfo?: { username?: string; groups?: string[] } };
}

/** Who the API server says the caller is (SelfSubjectReview). */
async function whoAmI(kube: KubeClient) {
  const r = await kube.request<Review>(
    'POST',
    '/apis/authentication.k8s.io/v1/selfsubjectreviews',
    { body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' } },
  );
  return {
    username: r.status?.userInfo?.username,
    groups: [...(r.status?.userInfo?.groups ?? [])].sort(),
  };
}

function identityOf(email: string, groups: string[]): KubeIdentity {
  const env = serverEnv();
  return kubeIdentity(
    { sub: email, email, groups },
    { userPrefix: env.STRATUS_OIDC_USER_PREFIX, groupPrefix: env.STRATUS_OIDC_GROUP_PREFIX },
  );
}

const passthrough = (id: KubeIdentity, claims: Parameters<typeof idTokenFor>[0]) =>
  new KubeClient({ ...id, token: idTokenFor(claims).token }, { mode: 'passthrough' });
const impersonating = (id: KubeIdentity) =>
  new KubeClient(id, { mode: 'impersonation', kubeconfig: impersonator });

describe('identity modes', () => {
  let tenant: TestTenant;
  let other: TestTenant;
  beforeAll(async () => {
    [tenant, other] = await Promise.all([
      admin.createTenant(uniqueName('it-idm')),
      admin.createTenant(uniqueName('it-idm-other')),
    ]);
  });
  afterAll(async () => {
    await Promise.all([tenant, other].filter(Boolean).map((t) => admin.deleteTenant(t.name)));
  });

  it('makes a person the same user and groups in both modes', async () => {
    const email = `${uniqueName('same')}@tests.example`;
    // An IdP group named like a system group is dropped in both modes.
    const groups = [`tenant-${tenant.name}-admins`, 'system:masters', 'platform-operators'];
    const id = identityOf(email, groups);
    const viaToken = await whoAmI(passthrough(id, { email, groups }));
    const viaImpersonation = await whoAmI(impersonating(id));
    expect(viaToken).toEqual({
      username: `oidc:${email}`,
      groups: [
        'oidc:platform-operators',
        `oidc:tenant-${tenant.name}-admins`,
        'system:authenticated',
      ].sort(),
    });
    expect(viaImpersonation).toEqual(viaToken);
  });

  it('refuses an ID token whose email is not verified', async () => {
    const email = `${uniqueName('unverified')}@tests.example`;
    const id = identityOf(email, [`tenant-${tenant.name}-admins`]);
    const err = await rejectionOf(
      passthrough(id, { email, groups: id.groups, emailVerified: false }).list(
        models.virtualmachines,
        {
          namespace: tenant.namespace,
        },
      ),
    );
    expect(err).toBeInstanceOf(KubeApiError);
    expect((err as KubeApiError).status).toBe(401);
  });

  it('refuses an expired ID token', async () => {
    const email = `${uniqueName('expired')}@tests.example`;
    const id = identityOf(email, []);
    const err = await rejectionOf(whoAmI(passthrough(id, { email, groups: [], ttl: -60 })));
    expect((err as KubeApiError).status).toBe(401);
  });

  it('never falls back to the dashboard identity when a person has no token', async () => {
    const id = identityOf(`${uniqueName('none')}@tests.example`, []);
    await expect(
      new KubeClient(id, { mode: 'passthrough' }).get(
        models.namespaces,
        undefined,
        tenant.namespace,
      ),
    ).rejects.toBeInstanceOf(MissingTokenError);
  });

  it('keeps tenants apart in the impersonation fallback as in passthrough', async () => {
    const who = memberOf(tenant.name, 'admins');
    for (const kube of [
      impersonating({ username: who.identity.username, groups: who.identity.groups }),
      new KubeClient(who.identity, { mode: 'passthrough' }),
    ]) {
      const own = await kube.list(models.virtualmachines, { namespace: tenant.namespace });
      expect(own.items).toBeInstanceOf(Array);
      const err = await rejectionOf(
        kube.list(models.virtualmachines, { namespace: other.namespace }),
      );
      expect((err as KubeApiError).status).toBe(403);
      expect((err as KubeApiError).message).toContain(who.identity.username);
    }
  });

  it("doesn't let the dashboard's own identity impersonate in passthrough", async () => {
    const dashboard = kubeAsDashboard();
    const asSomeone = new KubeClient(
      { username: 'oidc:someone@tests.example', groups: ['system:masters'] },
      { mode: 'impersonation' },
    );
    expect(dashboard.mode).toBe('passthrough');
    const err = await rejectionOf(asSomeone.list(models.namespaces));
    expect((err as KubeApiError).status).toBe(403);
    expect((err as KubeApiError).message).toMatch(/cannot impersonate/);
  });
});
