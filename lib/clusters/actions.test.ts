import { describe, expect, it, vi } from 'vitest';

// Validation happens before any session or cluster access; fail loudly if an invalid request got further.
vi.mock('../auth/session', () => ({
  requireKube: () => {
    throw new Error('reached the cluster with invalid input');
  },
}));

const { createCluster, scaleClusterNodeGroup, deleteCluster } = await import('./actions');
const { defaultNodeGroup } = await import('./schema');

const valid = {
  name: 'dev',
  version: 'v1.34.1',
  controlPlaneReplicas: 2,
  nodeGroups: [defaultNodeGroup],
};

describe('cluster actions refuse bad input before touching the cluster', () => {
  it('invalid name', async () => {
    const r = await createCluster('tenant-acme', { ...valid, name: 'Dev!' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid', fields: { name: expect.any(String) } },
    });
  });

  it('unsupported version', async () => {
    const r = await createCluster('tenant-acme', { ...valid, version: 'v1.20.0' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: 'Kubernetes v1.20.0 is not offered here.' },
    });
  });

  it('replicas out of range', async () => {
    const r = await createCluster('tenant-acme', {
      ...valid,
      nodeGroups: [{ ...defaultNodeGroup, replicas: 500 }],
    });
    expect(r).toMatchObject({
      ok: false,
      error: { fields: { 'nodeGroups.0.replicas': 'At most 50 nodes per group.' } },
    });
    expect(
      await scaleClusterNodeGroup('tenant-acme', 'dev-workers', { replicas: -1 }),
    ).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('delete without the typed name', async () => {
    expect(await deleteCluster('tenant-acme', 'dev', 'de')).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
  });
});
