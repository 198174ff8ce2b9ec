// An unreachable API server is an outage, never "you are not a member" or "not allowed".
import { describe, expect, it, vi } from 'vitest';

import { canI } from '../k8s/access';
import { KubeClient } from '../k8s/client';
import { KubeApiError, KubeTransportError, toUserError } from '../k8s/errors';
import { models } from '../k8s/models';

vi.mock('../env', () => ({
  serverEnv: () => ({
    STRATUS_TENANT_GROUP_PATTERN: '^tenant-([a-z0-9-]+)-(admins|viewers)$',
    STRATUS_TENANT_NAMESPACE_PREFIX: 'tenant-',
  }),
}));
const { tenantsFor } = await import('./server');

const viewer = {
  name: 'a',
  email: 'a@x',
  groups: ['tenant-acme-admins'],
  identity: { username: 'oidc:a@x', groups: ['oidc:tenant-acme-admins'] },
};

function client(fail: Error): KubeClient {
  const kube = new KubeClient(viewer.identity);
  vi.spyOn(kube, 'request').mockRejectedValue(fail);
  return kube;
}

describe('when the cluster cannot be reached', () => {
  it('access checks fail instead of answering "no"', async () => {
    const kube = client(new KubeTransportError('unreachable'));
    await expect(canI(kube, [{ verb: 'list', model: models.nodes }])).rejects.toBeInstanceOf(
      KubeTransportError,
    );
  });

  it('a refused review is still a plain "no"', async () => {
    const kube = client(new KubeApiError(403, {}));
    expect(await canI(kube, [{ verb: 'list', model: models.nodes }])).toEqual([false]);
  });

  it('tenant lookup reports the outage, which the mapper calls unreachable', async () => {
    const kube = new KubeClient(viewer.identity);
    // The access review says "may not list namespaces"; reading the tenant's namespace times out.
    vi.spyOn(kube, 'request').mockImplementation(async (method: string) => {
      if (method === 'POST') return { status: { allowed: false } };
      throw new KubeTransportError('unreachable');
    });
    const err = await tenantsFor(viewer, kube).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KubeTransportError);
    expect(toUserError(err).message).toBe(
      'The management cluster cannot be reached right now. Try again in a moment.',
    );
  });

  it('a namespace that is not theirs is simply not a tenant of theirs', async () => {
    const kube = new KubeClient(viewer.identity);
    vi.spyOn(kube, 'request').mockImplementation(async (method: string) => {
      if (method === 'POST') return { status: { allowed: false } };
      throw new KubeApiError(403, { reason: 'Forbidden' });
    });
    expect(await tenantsFor(viewer, kube)).toEqual([]);
  });
});
