// The scale seed at a small factor against the test cluster: it creates what scaleCounts says, with
// the settled status it writes itself, and a second run changes nothing (no create, no status write).
import { afterAll, describe, expect, it } from 'vitest';

import { SeedClient } from '../devcluster/src/seed/client';
import type { KObj } from '../devcluster/src/simulator/kube/types';
import { adminKubeconfigPath } from '../lib/testing/admin';
import { KINDS, SCALE_LABEL, scaleCounts, type Kind } from './scale-objects';
import { removeScale, scaleSeed } from './scale-seed';

const FACTOR = 0.02;
const collections: Record<Kind, string> = {
  tenants: '/api/v1/namespaces',
  nodes: '/api/v1/nodes',
  vms: '/apis/kubevirt.io/v1/virtualmachines',
  clusters: '/apis/cluster.x-k8s.io/v1beta2/clusters',
  volumes: '/api/v1/persistentvolumeclaims',
  releases: '/apis/helm.toolkit.fluxcd.io/v2/helmreleases',
};

const client = () => new SeedClient(adminKubeconfigPath(), () => {});

/** Every scale object's resourceVersion and status, by kind and name. */
async function snapshot(): Promise<Record<Kind, Map<string, KObj>>> {
  const c = client();
  try {
    const out = {} as Record<Kind, Map<string, KObj>>;
    for (const k of KINDS) {
      const list = await c.rest.list<KObj>(collections[k], { labelSelector: SCALE_LABEL });
      out[k] = new Map(
        list.items.map((o) => [`${o.metadata.namespace ?? ''}/${o.metadata.name}`, o]),
      );
    }
    return out;
  } finally {
    c.close();
  }
}

describe('scale seed', () => {
  afterAll(async () => {
    await removeScale(adminKubeconfigPath());
    // Later suites list tenants and nodes: wait until the seed's namespaces are gone.
    const c = client();
    try {
      const deadline = Date.now() + 90_000;
      for (;;) {
        const left = await c.rest.list<KObj>('/api/v1/namespaces', { labelSelector: SCALE_LABEL });
        if (!left.items.length) break;
        if (Date.now() > deadline) throw new Error('scale namespaces were not deleted in 90 s');
        await new Promise((r) => setTimeout(r, 500));
      }
    } finally {
      c.close();
    }
  }, 120_000);

  it('creates the counts of its factor once; a second run creates and writes nothing', async () => {
    const want = scaleCounts(FACTOR);
    await scaleSeed({ kubeconfig: adminKubeconfigPath(), factor: FACTOR });
    const first = await snapshot();
    for (const k of KINDS) expect(first[k].size, k).toBe(want[k]);

    // The settled status is the seed's own (the simulator does not watch these objects).
    const vm = [...first.vms.values()][0];
    expect((vm?.status as { printableStatus?: string }).printableStatus).toBe('Stopped');
    const cluster = [...first.clusters.values()][0];
    expect((cluster?.status as { phase?: string }).phase).toBe('Provisioned');
    const release = [...first.releases.values()][0];
    expect(
      (release?.status as { conditions?: { type: string; status: string }[] }).conditions,
    ).toContainEqual(expect.objectContaining({ type: 'Ready', status: 'True' }));

    const again = await scaleSeed({ kubeconfig: adminKubeconfigPath(), factor: FACTOR });
    expect(again.created).toEqual(Object.fromEntries(KINDS.map((k) => [k, 0])));
    const second = await snapshot();
    for (const k of KINDS)
      for (const [key, o] of first[k]) {
        const now = second[k].get(key);
        expect(now, `${k} ${key}`).toBeDefined();
        // kwok's heartbeat and the PV binder move nodes and claims on by themselves; the rest
        // must be exactly as the first run left them.
        if (k !== 'nodes' && k !== 'volumes')
          expect(now?.metadata.resourceVersion, `${k} ${key}`).toBe(o.metadata.resourceVersion);
      }
  });
});
