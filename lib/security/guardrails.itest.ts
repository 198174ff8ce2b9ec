// Least privilege, checked at the real API server: what tenants and operators may write, what the
// dashboard's own identity may do, and the audit trail of kubeconfig reads.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildCluster } from '../clusters/build';
import { readKubeconfig } from '../clusters/kubeconfig';
import { createClusterSchema } from '../clusters/schema';
import { defaultNodeGroup } from '../clusters/draft';
import { testContext } from '../testing/platform';
import { canI } from '../k8s/access';
import { kubeAsDashboard, kubeFor } from '../k8s/client';
import { KubeApiError } from '../k8s/errors';
import { models } from '../k8s/models';
import type { KubeObject } from '../k8s/types';
import {
  Admin,
  clusterWithKubeconfig,
  testClusterDir,
  uniqueName,
  type TestTenant,
} from '../testing/admin';
import { rejectionOf } from '../testing/errors';
import { demoViewer, memberOf } from '../testing/viewers';

const admin = new Admin();
let tenant: TestTenant;
const adminOf = () => kubeFor(memberOf(tenant.name, 'admins').identity);

beforeAll(async () => {
  tenant = await admin.createTenant(uniqueName('sec'));
});
afterAll(async () => {
  if (tenant) await admin.deleteTenant(tenant.name);
});

const status = async (p: Promise<unknown>) => {
  const e = await rejectionOf(p);
  return e instanceof KubeApiError ? { status: e.status, message: e.body.message ?? '' } : e;
};

describe('tenant admins', () => {
  it('may neither list nor create Secrets, nor write Events', async () => {
    const kube = adminOf();
    expect(await status(kube.list(models.secrets, { namespace: tenant.namespace }))).toMatchObject({
      status: 403,
    });
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'mine', namespace: tenant.namespace },
    };
    expect(await status(kube.create(models.secrets, secret, { dryRun: true }))).toMatchObject({
      status: 403,
    });
    const forged = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: uniqueName('forged'), namespace: tenant.namespace },
      involvedObject: { kind: 'Cluster', name: 'x', namespace: tenant.namespace },
      reason: 'KubeconfigDownloaded',
      message: 'Kubeconfig downloaded by someone-else@example',
    };
    expect(await status(kube.create(models.events, forged, { dryRun: true }))).toMatchObject({
      status: 403,
    });
  });

  it('may not give a control plane extra containers, volumes or a registry', async () => {
    const input = createClusterSchema.parse({
      name: uniqueName('kcp'),
      version: 'v1.33.5',
      controlPlaneReplicas: 1,
      nodeGroups: [defaultNodeGroup],
    });
    const kcp = buildCluster(input, testContext(tenant.namespace, input)).objects.find(
      (o) => o.kind === 'KamajiControlPlane',
    );
    if (!kcp) throw new Error('no control plane built');
    const kube = adminOf();
    const withSpec = (extra: object): KubeObject => ({
      ...kcp,
      spec: { ...(kcp.spec as object), ...extra },
    });
    // What the dashboard builds passes.
    const ok = await kube.create(models.kamajicontrolplanes, kcp, { dryRun: true });
    expect(ok.metadata?.name).toBe(kcp.metadata?.name);
    const hostRoot = withSpec({
      deployment: {
        extraContainers: [{ name: 'x', image: 'busybox', securityContext: { privileged: true } }],
        extraVolumes: [{ name: 'root', hostPath: { path: '/' } }],
      },
    });
    expect(
      await status(kube.create(models.kamajicontrolplanes, hostRoot, { dryRun: true })),
    ).toMatchObject({
      status: 403,
      message: expect.stringContaining('spec.deployment may not set'),
    });
    expect(
      await status(
        kube.create(models.kamajicontrolplanes, withSpec({ registry: 'evil.example' }), {
          dryRun: true,
        }),
      ),
    ).toMatchObject({ status: 403, message: expect.stringContaining('spec.registry') });
    const refused: [object, string][] = [
      [{ dataStoreSchema: 'tenant_other_cluster' }, 'dataStoreSchema'],
      [
        { deployment: { nodeSelector: { 'node-role.kubernetes.io/control-plane': '' } } },
        'nodeSelector',
      ],
      [
        { addons: { konnectivity: { server: { image: 'evil.example/proxy', port: 8132 } } } },
        'konnectivity.server',
      ],
      [{ apiServer: { containerImageName: 'evil.example/kube-apiserver' } }, 'container image'],
      [
        { apiServer: { extraArgs: ['--oidc-issuer-url=https://idp', '--etcd-prefix=/other'] } },
        'may only set --oidc-*',
      ],
      [{ controllerManager: { extraArgs: ['--controllers=*'] } }, 'may only set --oidc-*'],
    ];
    for (const [extra, field] of refused)
      expect(
        await status(kube.create(models.kamajicontrolplanes, withSpec(extra), { dryRun: true })),
        field,
      ).toMatchObject({ status: 403, message: expect.stringContaining(field) });
  });
});

describe('tenant add-on releases', () => {
  const input = createClusterSchema.parse({
    name: 'addons',
    version: 'v1.33.5',
    controlPlaneReplicas: 1,
    nodeGroups: [defaultNodeGroup],
    addons: ['ingress-nginx'],
    personalAccess: true,
  });
  const built = () => buildCluster(input, testContext(tenant.namespace, input)).objects;
  const release = () => {
    const r = built().find(
      (o) => o.kind === 'HelmRelease' && o.metadata?.name === 'addons-ingress-nginx',
    );
    if (!r) throw new Error('no release built');
    return r;
  };
  const withSpec = (extra: object, base = release()): KubeObject => ({
    ...base,
    spec: { ...(base.spec as object), ...extra },
  });
  const create = (o: KubeObject) => adminOf().create(models.helmreleases, o, { dryRun: true });

  it('accepts what the dashboard builds, and its personal-access control plane', async () => {
    await expect(create(release())).resolves.toBeDefined();
    const kcp = built().find((o) => o.kind === 'KamajiControlPlane');
    if (!kcp) throw new Error('no control plane built');
    await expect(
      adminOf().create(models.kamajicontrolplanes, kcp, { dryRun: true }),
    ).resolves.toBeDefined();
  });

  it('refuses releases that would install into the management cluster, or elsewhere', async () => {
    const { kubeConfig: _, ...local } = release().spec as Record<string, unknown>;
    const refused: [KubeObject, string][] = [
      [{ ...release(), spec: local }, 'install into that cluster'],
      [
        withSpec({ kubeConfig: { secretRef: { name: 'other-kubeconfig', key: 'value' } } }),
        'install into that cluster',
      ],
      [
        withSpec({
          // Workload identity instead of the cluster's Secret.
          kubeConfig: { configMapRef: { name: 'x' } },
        }),
        'install into that cluster',
      ],
      [
        withSpec({
          chart: {
            spec: {
              chart: 'x',
              sourceRef: { kind: 'HelmRepository', name: 'evil', namespace: tenant.namespace },
            },
          },
        }),
        'add-on catalog',
      ],
      [withSpec({ valuesFrom: [{ kind: 'Secret', name: 'addons-ca' }] }), 'valuesFrom'],
      [withSpec({ dependsOn: [{ name: 'x', namespace: 'tenant-other' }] }), 'own namespace'],
    ];
    for (const [o, message] of refused)
      expect(await status(create(o)), message).toMatchObject({
        status: 403,
        message: expect.stringContaining(message),
      });
  });

  it('lets viewers create none', async () => {
    expect(
      await status(
        kubeFor(memberOf(tenant.name, 'viewers').identity).create(models.helmreleases, release(), {
          dryRun: true,
        }),
      ),
    ).toMatchObject({ status: 403 });
  });
});

describe('operators and HelmReleases', () => {
  let release: KubeObject;
  beforeAll(async () => {
    const all = await admin.list('helm.toolkit.fluxcd.io/v2', 'HelmRelease');
    const first = all[0];
    if (!first) throw new Error('the seed has no HelmRelease');
    release = first as KubeObject;
  });
  const patch = (body: object) =>
    kubeFor(demoViewer('oscar').identity).patch(
      models.helmreleases,
      release.metadata?.namespace,
      release.metadata?.name ?? '',
      body,
      'merge',
      { dryRun: true },
    );

  it('may suspend, resume and request a reconcile', async () => {
    await expect(patch({ spec: { suspend: true } })).resolves.toBeDefined();
    await expect(
      patch({ metadata: { annotations: { 'reconcile.fluxcd.io/requestedAt': 'now' } } }),
    ).resolves.toBeDefined();
  });

  it('may not change what a release installs, or its other metadata', async () => {
    expect(await status(patch({ spec: { values: { replicas: 9 } } }))).toMatchObject({
      status: 403,
      message: expect.stringContaining('Only spec.suspend'),
    });
    expect(await status(patch({ metadata: { annotations: { owner: 'me' } } }))).toMatchObject({
      status: 403,
      message: expect.stringContaining('reconcile.fluxcd.io'),
    });
  });
});

describe("the dashboard's own identity", () => {
  it("may write Events and read Nodes' health, and nothing of a tenant's", async () => {
    const own = kubeAsDashboard();
    const ns = tenant.namespace;
    expect(
      await canI(own, [
        { verb: 'create', model: models.events, namespace: ns },
        // The health of the nodes holding a person's LINSTOR replicas (lib/volumes/server.ts).
        { verb: 'list', model: models.nodes },
        { verb: 'get', model: models.secrets, namespace: ns },
        { verb: 'list', model: models.clusters, namespace: ns },
        { verb: 'create', model: models.clusters, namespace: ns },
        { verb: 'list', model: models.pods, namespace: ns },
        { verb: 'list', model: models.persistentvolumeclaims, namespace: ns },
      ]),
    ).toEqual([true, true, false, false, false, false, false]);
  });

  it('records kubeconfig downloads itself, and the API server audits the read as the person', async () => {
    const name = uniqueName('kc');
    await clusterWithKubeconfig(admin, tenant.namespace, name);
    const who = memberOf(tenant.name, 'admins');
    await readKubeconfig(adminOf(), tenant.namespace, name, who.email);
    const audit = () =>
      readFileSync(path.join(testClusterDir(), 'audit.log'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map(
          (l) =>
            JSON.parse(l) as {
              verb: string;
              user: { username: string };
              impersonatedUser?: { username: string };
              objectRef?: { resource?: string; namespace?: string; name?: string };
              responseStatus?: { code?: number };
            },
        );
    await expect
      .poll(
        () =>
          audit().find(
            (e) =>
              e.verb === 'get' &&
              e.objectRef?.resource === 'secrets' &&
              e.objectRef.name === `${name}-kubeconfig`,
          ),
        { timeout: 15_000 },
      )
      .toMatchObject(
        // Token passthrough: the person themselves, not the dashboard acting as them.
        { user: { username: who.identity.username } },
      );
    // The record of it: created by the dashboard as itself, not as the person. The log is
    // written in batches, so the create may land after the read.
    const records = () =>
      audit().filter(
        (e) =>
          e.verb === 'create' &&
          e.objectRef?.resource === 'events' &&
          e.objectRef.namespace === tenant.namespace &&
          e.responseStatus?.code === 201,
      );
    await expect.poll(() => records().length, { timeout: 15_000 }).toBe(1);
    expect(records()[0]?.user.username).toBe('stratus-dashboard');
    expect(records()[0]?.impersonatedUser).toBeUndefined();
    // Metadata only: no value of a Secret ever lands in the log.
    expect(readFileSync(path.join(testClusterDir(), 'audit.log'), 'utf8')).not.toContain(
      Buffer.from('apiVersion: v1\nkind: Config\n').toString('base64'),
    );
  });
});
