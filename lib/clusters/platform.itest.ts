// What the platform must provide before a cluster is created (DataStore, add-on sources,
// instancetypes), add-ons on an existing cluster, and personal kubeconfigs — at the real API server,
// as tenant members.
import type { KubernetesObject } from '@kubernetes/client-node';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { english } from '../i18n/catalogs';
import { kubeFor, type KubeClient } from '../k8s/client';
import { Refusal, renderProblem } from '../k8s/errors';
import { models } from '../k8s/models';
import { Admin, uniqueName, type TestTenant } from '../testing/admin';
import { devPlatform, testContext } from '../testing/platform';
import { memberOf } from '../testing/viewers';
import { setAddon, installedAddons } from './addon-change';
import { CLUSTER_LABEL } from './labels';
import { personalKubeconfig } from './kubeconfig';
import { createClusterSchema, type CreateClusterInput } from './schema';
import { defaultNodeGroup } from './draft';
import { buildContext, createClusterObjects, preflight } from './server';

const admin = new Admin();
let a: TestTenant;
let noStore: TestTenant;
const adminOf = (t: TestTenant): KubeClient => kubeFor(memberOf(t.name, 'admins').identity);

const input = (name: string, extra: Partial<Record<keyof CreateClusterInput, unknown>> = {}) =>
  createClusterSchema.parse({
    name,
    version: 'v1.33.5',
    controlPlaneReplicas: 1,
    nodeGroups: [defaultNodeGroup],
    ...extra,
  });

/** What the create action does before writing anything; the rendered problem, or 'ok'. */
async function check(t: TestTenant, i: CreateClusterInput) {
  const kube = adminOf(t);
  const built = await buildContext(kube, t.namespace, i);
  if (!built.ok) return renderProblem(built.problem);
  const p = await preflight(kube, i, built.ctx);
  return p ? renderProblem(p) : 'ok';
}

const labelled = async (t: TestTenant, name: string) =>
  (
    await admin.list('helm.toolkit.fluxcd.io/v2', 'HelmRelease', {
      namespace: t.namespace,
      labelSelector: `${CLUSTER_LABEL}=${name}`,
    })
  )
    .filter((o) => !o.metadata?.deletionTimestamp)
    .map((o) => o.metadata?.name);

beforeAll(async () => {
  a = await admin.createTenant(uniqueName('pa'));
  noStore = await admin.createTenant(uniqueName('pn'), { dataStore: false });
});
afterAll(async () => {
  await admin.deleteTenant(a.name);
  await admin.deleteTenant(noStore.name);
});

describe('before a cluster is created', () => {
  it('passes when the platform has everything the cluster needs', async () => {
    expect(
      await check(
        a,
        input('ok', { addons: ['ingress-nginx', 'cert-manager'], personalAccess: true }),
      ),
    ).toBe('ok');
  });

  it('refuses a missing DataStore with what to do, and creates nothing', async () => {
    const r = await check(noStore, input('nostore'));
    expect(r).toMatchObject({ code: 'conflict' });
    expect(r === 'ok' ? '' : r.message).toBe(
      `The control plane cannot be created: its datastore "${noStore.namespace}" does not exist. Ask an operator to create it; nothing was created.`,
    );
  });

  it('refuses an unknown instancetype, an add-on outside the catalog, an unknown preset, at the field', async () => {
    expect(
      await check(
        a,
        input('it', { nodeGroups: [{ ...defaultNodeGroup, instancetype: 'z9.huge' }] }),
      ),
    ).toMatchObject({
      code: 'invalid',
      fields: { 'nodeGroups.0.instancetype': 'Pick one from the list.' },
    });
    expect(await check(a, input('ad', { addons: ['bitcoin-miner'] }))).toMatchObject({
      code: 'invalid',
      message: 'The platform offers no add-on named bitcoin-miner.',
      fields: { addons: 'Pick add-ons from the list.' },
    });
    expect(await check(a, input('pr', { controlPlanePreset: 'gigantic' }))).toMatchObject({
      code: 'invalid',
      fields: { controlPlanePreset: 'Pick one from the list.' },
    });
  });

  it('refuses a catalog entry whose chart source is missing', async () => {
    const platform = devPlatform();
    const broken = {
      ...platform,
      addons: platform.addons.map((x) =>
        x.id === 'cert-manager' ? { ...x, source: { ...x.source, name: 'gone' } } : x,
      ),
    };
    const i = input('src', { addons: ['cert-manager'] });
    const p = await preflight(adminOf(a), i, testContext(a.namespace, i, broken));
    expect(p && english(p.message)).toBe(
      'The chart source of cert-manager is missing on the platform. Ask an operator to fix the add-on catalog; nothing was created.',
    );
  });
});

describe('add-ons of an existing cluster', () => {
  it('installs and removes an optional add-on, refuses required ones and missing dependencies', async () => {
    const name = uniqueName('ao');
    const i = input(name);
    await createClusterObjects(adminOf(a), i, testContext(a.namespace, i));
    const where = { namespace: a.namespace, tenant: a.name, cluster: name };
    expect(await installedAddons(adminOf(a), a.namespace, name)).toEqual(['cilium']);

    await setAddon(adminOf(a), devPlatform(), where, 'metrics-server', true);
    // Twice is once (a double click).
    await setAddon(adminOf(a), devPlatform(), where, 'metrics-server', true);
    expect((await installedAddons(adminOf(a), a.namespace, name)).sort()).toEqual([
      'cilium',
      'metrics-server',
    ]);
    const release = await adminOf(a).get(
      models.helmreleases,
      a.namespace,
      `${name}-metrics-server`,
    );
    expect(release.metadata?.ownerReferences?.[0]?.kind).toBe('Cluster');

    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => 'accepted',
        (e: unknown) => (e instanceof Refusal ? english(e.problem.message) : String(e)),
      );
    expect(await refusal(setAddon(adminOf(a), devPlatform(), where, 'cilium', false))).toBe(
      'cilium is required by the platform and cannot be removed.',
    );
    await setAddon(adminOf(a), devPlatform(), where, 'metrics-server', false);
    expect(await labelled(a, name)).toEqual([`${name}-cilium`]);

    // A viewer changes nothing.
    const viewer = kubeFor(memberOf(a.name, 'viewers').identity);
    expect(await refusal(setAddon(viewer, devPlatform(), where, 'metrics-server', true))).not.toBe(
      'accepted',
    );
    expect(await labelled(a, name)).toEqual([`${name}-cilium`]);
  });
});

describe('personal kubeconfig', () => {
  /** A created cluster once the simulator (playing Cluster API) has published its kubeconfig. */
  async function clusterUp(
    name: string,
    personalAccess: boolean,
  ): Promise<{ server: string; token: string }> {
    const i = input(name, { personalAccess });
    await createClusterObjects(adminOf(a), i, testContext(a.namespace, i));
    let secret: (KubernetesObject & { data?: Record<string, string> }) | undefined;
    await expect
      .poll(
        async () => {
          secret = await admin.get('v1', 'Secret', a.namespace, `${name}-kubeconfig`);
          return !!secret;
        },
        { timeout: 30_000, interval: 200 },
      )
      .toBe(true);
    const config = YAML.parse(Buffer.from(secret?.data?.value ?? '', 'base64').toString()) as {
      clusters: { cluster: { server: string } }[];
      users: { user: { token?: string } }[];
    };
    return {
      server: config.clusters[0]?.cluster.server ?? '',
      token: config.users[0]?.user.token ?? '',
    };
  }

  it('holds the endpoint, CA and an oidc-login exec entry — no token, no key', async () => {
    const name = uniqueName('pk');
    const issued = await clusterUp(name, true);
    expect(issued.token).not.toBe('');
    const text = await personalKubeconfig(adminOf(a), a.namespace, name);
    const config = YAML.parse(text) as {
      clusters: { cluster: Record<string, string> }[];
      users: { user: { exec?: { command: string; args: string[] } } & Record<string, unknown> }[];
    };
    expect(config.clusters[0]?.cluster.server).toBe(issued.server);
    expect(config.clusters[0]?.cluster['certificate-authority-data']).toMatch(
      /^[A-Za-z0-9+/=]{100,}$/,
    );
    const user = config.users[0]?.user;
    expect(user?.exec?.command).toBe('kubectl');
    expect(user?.exec?.args).toEqual(
      expect.arrayContaining([
        'oidc-login',
        'get-token',
        '--oidc-issuer-url=http://127.0.0.1:15556',
        '--oidc-client-id=kubernetes',
      ]),
    );
    expect(Object.keys(user ?? {})).toEqual(['exec']);
    expect(text).not.toContain(issued.token);
    expect(text).not.toMatch(/token:|client-key-data|client-certificate-data|password/);
  });

  it('is refused, with a reason, for a cluster created without personal access', async () => {
    const name = uniqueName('np');
    await clusterUp(name, false);
    const err = await personalKubeconfig(adminOf(a), a.namespace, name).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Refusal);
    expect(english((err as Refusal).problem.message)).toContain(
      'was created without personal access',
    );
  });
});
