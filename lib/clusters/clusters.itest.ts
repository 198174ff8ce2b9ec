// Tenant clusters against the real API server and the real CRDs, acting as tenant members exactly as
// the dashboard does (impersonation through the dashboard identity).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { kubeFor } from '../k8s/client';
import { KubeApiError } from '../k8s/errors';
import { models } from '../k8s/models';
import {
  Admin,
  clusterWithKubeconfig,
  refuseCreates,
  uniqueName,
  type TestTenant,
} from '../testing/admin';
import { devPlatform, testContext } from '../testing/platform';
import { memberOf } from '../testing/viewers';
import { CLUSTER_LABEL } from './labels';
import { buildCluster as buildWith } from './build';
import { ChangeRefused, upgradeControlPlane, upgradeNodeGroups } from './change';
import { readKubeconfig } from './kubeconfig';
import { createClusterSchema } from './schema';
import { defaultNodeGroup } from './draft';
import { english } from '../i18n/catalogs';
import { renderProblem } from '../k8s/errors';
import { WriteSetError } from '../k8s/write-set';
import {
  clusterDeletePreview,
  clusterParts,
  createClusterObjects,
  deleteClusterObjects,
  preflight as preflightWith,
} from './server';
import type { CreateClusterInput } from './schema';
import type { KubeClient } from '../k8s/client';

const buildCluster = (i: CreateClusterInput, ns: string) => buildWith(i, testContext(ns, i));
const create = (kube: KubeClient, ns: string, i: CreateClusterInput) =>
  createClusterObjects(kube, i, testContext(ns, i));
const preflight = (kube: KubeClient, ns: string, i: CreateClusterInput) =>
  preflightWith(kube, i, testContext(ns, i));
const imageFor = (v: string) => devPlatform().workers.images[v];

const admin = new Admin();
let a: TestTenant;
let b: TestTenant;

const input = (name: string, extra: object = {}) =>
  createClusterSchema.parse({
    name,
    version: 'v1.33.5',
    controlPlaneReplicas: 2,
    nodeGroups: [
      defaultNodeGroup,
      { ...defaultNodeGroup, name: 'gpu', autoscale: true, minReplicas: 1, maxReplicas: 3 },
    ],
    ...extra,
  });

async function labelled(namespace: string, cluster: string): Promise<string[]> {
  const all = await Promise.all(
    clusterParts.map(async (m) =>
      (
        await admin.list(m.group ? `${m.group}/${m.version}` : m.version, m.kind, {
          namespace,
          labelSelector: `${CLUSTER_LABEL}=${cluster}`,
        })
      )
        .filter((o) => !o.metadata?.deletionTimestamp)
        .map((o) => `${m.kind}/${o.metadata?.name}`),
    ),
  );
  return all.flat();
}

async function eventually(check: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  a = await admin.createTenant(uniqueName('ca'));
  b = await admin.createTenant(uniqueName('cb'));
});

afterAll(async () => {
  await admin.deleteTenant(a.name);
  await admin.deleteTenant(b.name);
});

describe('cluster builders', () => {
  it('produce objects every real CRD schema accepts (server-side dry run as the tenant admin)', async () => {
    const kube = kubeFor(memberOf(a.name, 'admins').identity);
    const all = devPlatform().addons.map((x) => x.id);
    const { objects } = buildCluster(
      input('schema-check', { addons: all, personalAccess: true }),
      a.namespace,
    );
    const kinds = new Set<string>();
    for (const o of objects) {
      const m = Object.values(models).find((x) => x.kind === o.kind);
      if (!m) throw new Error(`no model for ${o.kind}`);
      const accepted = await kube.create(m, o, { dryRun: true });
      expect(accepted.metadata?.name).toBe(o.metadata?.name);
      kinds.add(o.kind ?? '');
    }
    expect([...kinds].sort()).toEqual([
      'Cluster',
      'HelmRelease',
      'KamajiControlPlane',
      'KubeadmConfigTemplate',
      'KubevirtCluster',
      'KubevirtMachineTemplate',
      'MachineDeployment',
      'MachineHealthCheck',
    ]);
  });
});

describe('createClusterObjects', () => {
  it('creates every object owned by the Cluster, and a second submit says "already exists" without touching them', async () => {
    const kube = kubeFor(memberOf(a.name, 'admins').identity);
    const name = uniqueName('c');
    const created = await create(kube, a.namespace, input(name));
    expect(created).toHaveLength(12);
    const cluster = created[0];
    for (const o of created.slice(1))
      expect(o.metadata?.ownerReferences?.[0]?.uid).toBe(cluster?.metadata?.uid);

    const again = await create(kube, a.namespace, input(name)).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(WriteSetError);
    expect((again as WriteSetError).problem.code).toBe('alreadyExists');
    expect(await labelled(a.namespace, name)).toHaveLength(12);
  });

  it('leaves nothing behind when the API server refuses the 4th of 6 objects', async () => {
    const policy = uniqueName('refuse-4th');
    // A real admission policy makes the real API server refuse the machine template — but only on the
    // real create, not the dry run, so the rollback path is what gets exercised.
    const fault = refuseCreates(
      policy,
      a.namespace,
      { apiGroups: ['infrastructure.cluster.x-k8s.io'], resources: ['kubevirtmachinetemplates'] },
      "!object.metadata.name.startsWith('fault-')",
      'injected fault: machine templates are refused',
    );
    await admin.apply(fault);
    try {
      const kube = kubeFor(memberOf(a.name, 'admins').identity);
      // Wait until the policy is in force (policies load asynchronously).
      await eventually(async () => {
        const probe = buildCluster(input('fault-probe'), a.namespace).objects[3];
        if (!probe) return false;
        const r = await kube.create(models.kubevirtmachinetemplates, probe).then(
          async (o) => {
            await kube.delete(models.kubevirtmachinetemplates, a.namespace, o.metadata?.name ?? '');
            return false;
          },
          () => true,
        );
        return r;
      }, 'the admission policy');

      const name = uniqueName('fault');
      const oneGroup = input(name, { nodeGroups: [defaultNodeGroup] });
      expect(buildCluster(oneGroup, a.namespace).objects.map((o) => o.kind)[3]).toBe(
        'KubevirtMachineTemplate',
      );
      const err = await create(kube, a.namespace, oneGroup).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WriteSetError);
      expect(english((err as WriteSetError).problem.message)).toContain('injected fault');
      expect((err as WriteSetError).failedObject).toBe(`KubevirtMachineTemplate ${name}-workers`);
      await eventually(
        async () => (await labelled(a.namespace, name)).length === 0,
        'rollback to remove every object',
      );
    } finally {
      await admin.removeAll(fault);
    }
  });

  it('is refused for a viewer and across tenants, creating nothing', async () => {
    const name = uniqueName('nope');
    for (const who of [memberOf(a.name, 'viewers'), memberOf(b.name, 'admins')]) {
      const err = await create(kubeFor(who.identity), a.namespace, input(name)).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(WriteSetError);
      expect((err as WriteSetError).problem.code).toBe('forbidden');
    }
    expect(await labelled(a.namespace, name)).toEqual([]);
  });

  it('is refused by the ResourceQuota when the tenant has no cluster left', async () => {
    await admin.apply([
      {
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: { name: 'no-clusters', namespace: b.namespace },
        spec: { hard: { 'count/clusters.cluster.x-k8s.io': '0' } },
      },
    ] as never[]);
    await eventually(async () => {
      const q = await admin.get('v1', 'ResourceQuota', b.namespace, 'no-clusters');
      return !!(q as { status?: { hard?: object } } | undefined)?.status?.hard;
    }, 'the quota to be counted');
    const name = uniqueName('quota');
    const err = await create(
      kubeFor(memberOf(b.name, 'admins').identity),
      b.namespace,
      input(name),
    ).catch((e: unknown) => e);
    expect((err as WriteSetError).problem.code).toBe('quotaExceeded');
    expect(await labelled(b.namespace, name)).toEqual([]);
  });
});

describe('changing and deleting a cluster', () => {
  it('upgrades one minor step, control plane first, and refuses downgrades', async () => {
    const kube = kubeFor(memberOf(a.name, 'admins').identity);
    const name = uniqueName('up');
    await create(kube, a.namespace, input(name));
    const supported = ['v1.32.9', 'v1.33.5', 'v1.34.1'];
    await expect(
      upgradeControlPlane(kube, a.namespace, name, 'v1.32.9', supported),
    ).rejects.toBeInstanceOf(ChangeRefused);
    await upgradeControlPlane(kube, a.namespace, name, 'v1.34.1', supported);
    const kcp = await kube.get(models.kamajicontrolplanes, a.namespace, name);
    expect((kcp.spec as { version: string }).version).toBe('v1.34.1');
    // The control plane has not reported v1.34.1 yet (the simulator may not even have caught up).
    const early = await upgradeNodeGroups(kube, a.namespace, name, imageFor).catch(
      (e: unknown) => e,
    );
    if (early instanceof ChangeRefused) expect(early.message).toContain('control plane first');
  });

  it('previews and deletes everything labelled with the cluster, and the kubeconfig', async () => {
    const kube = kubeFor(memberOf(a.name, 'admins').identity);
    const name = uniqueName('del');
    await create(kube, a.namespace, input(name, { nodeGroups: [defaultNodeGroup] }));
    await admin.apply([
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: `${name}-kubeconfig`, namespace: a.namespace },
        stringData: { value: 'x' },
      },
    ] as never[]);
    const preview = (await clusterDeletePreview(kube, a.namespace, name)).map(
      (i) => `${i.kind}/${i.name}`,
    );
    expect(preview).toEqual(
      expect.arrayContaining([
        `Cluster/${name}`,
        `MachineDeployment/${name}-workers`,
        `Secret/${name}-kubeconfig`,
      ]),
    );
    await deleteClusterObjects(kube, a.namespace, name);
    await eventually(
      async () => (await labelled(a.namespace, name)).length === 0,
      'the cluster objects to go',
    );
    expect(await admin.get('v1', 'Secret', a.namespace, `${name}-kubeconfig`)).toBeUndefined();
  });
});

describe('kubeconfig download', () => {
  it("serves a tenant admin their cluster's kubeconfig, records it, and refuses viewers and other tenants", async () => {
    const name = uniqueName('kc');
    await clusterWithKubeconfig(admin, a.namespace, name);
    const text = await readKubeconfig(
      kubeFor(memberOf(a.name, 'admins').identity),
      a.namespace,
      name,
      'admin@tests.example',
    );
    expect(text).toContain('kind: Config');
    const events = await admin.list('v1', 'Event', {
      namespace: a.namespace,
      fieldSelector: `involvedObject.name=${name},reason=KubeconfigDownloaded`,
    });
    expect(events.map((e) => (e as { message?: string }).message)).toContain(
      'Kubeconfig downloaded by admin@tests.example',
    );
    for (const who of [memberOf(a.name, 'viewers'), memberOf(b.name, 'admins')]) {
      const err = await readKubeconfig(kubeFor(who.identity), a.namespace, name, who.email).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(KubeApiError);
      expect((err as KubeApiError).status).toBe(403);
    }
  });
});

describe('preflight', () => {
  it('names a missing storage class and a quota shortfall before anything is created', async () => {
    const kube = kubeFor(memberOf(a.name, 'admins').identity);
    const shown = (p: Awaited<ReturnType<typeof preflight>>) => p && renderProblem(p);
    const missing = shown(
      await preflight(
        kube,
        a.namespace,
        input('pf', { nodeGroups: [{ ...defaultNodeGroup, storageClass: 'no-such-class' }] }),
      ),
    );
    expect(missing).toMatchObject({
      code: 'invalid',
      fields: { 'nodeGroups.0.storageClass': 'This storage class does not exist.' },
    });
    expect(await preflight(kube, a.namespace, input('pf'))).toBeUndefined();
    const big = shown(
      await preflight(
        kube,
        a.namespace,
        input('pf', { nodeGroups: [{ ...defaultNodeGroup, replicas: 50, diskGi: 2048 }] }),
      ),
    );
    expect(big?.code).toBe('quotaExceeded');
    expect(big?.message).toContain('Storage: needs');
  });
});
