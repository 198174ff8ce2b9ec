import { describe, expect, it, vi } from 'vitest';

// Validation happens before any session or cluster access; fail loudly if an invalid request got further.
vi.mock('../auth/session', () => ({
  requireKube: () => {
    throw new Error('reached the cluster with invalid input');
  },
}));

const { createCluster, scaleClusterNodeGroup, deleteCluster } = await import('./actions');
const { defaultNodeGroup } = await import('./draft');

const valid = {
  name: 'dev',
  version: 'v1.34.1',
  controlPlaneReplicas: 2,
  nodeGroups: [defaultNodeGroup],
};
const namespace = 'tenant-acme';

describe('cluster actions refuse bad input before touching the cluster', () => {
  it('invalid name', async () => {
    const r = await createCluster({ namespace, cluster: { ...valid, name: 'Dev!' } });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid', fields: { name: expect.any(String) } },
    });
  });

  it('unsupported version', async () => {
    const r = await createCluster({ namespace, cluster: { ...valid, version: 'v1.20.0' } });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: 'Kubernetes v1.20.0 is not offered here.' },
    });
  });

  it('replicas out of range', async () => {
    const r = await createCluster({
      namespace,
      cluster: { ...valid, nodeGroups: [{ ...defaultNodeGroup, replicas: 500 }] },
    });
    expect(r).toMatchObject({
      ok: false,
      error: { fields: { 'nodeGroups.0.replicas': 'At most 50 nodes per group.' } },
    });
    expect(
      await scaleClusterNodeGroup({
        namespace,
        machineDeployment: 'dev-workers',
        size: { replicas: -1 },
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid' } });
    // An emptied size box is not "scale to 0".
    expect(
      await scaleClusterNodeGroup({
        namespace,
        machineDeployment: 'dev-workers',
        size: { replicas: '' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('delete without the typed name', async () => {
    expect(await deleteCluster({ namespace, cluster: 'dev', confirm: 'de' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: 'Type the name to confirm.' },
    });
  });

  it('a namespace that is not a name', async () => {
    for (const bad of ['..', 'Tenant-Acme', '', 'a/b'])
      expect(await createCluster({ namespace: bad, cluster: valid })).toMatchObject({
        ok: false,
        error: { code: 'invalid', message: 'That request was not valid.' },
      });
  });
});
