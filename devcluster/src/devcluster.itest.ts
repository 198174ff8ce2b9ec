// The local management cluster end to end (issue 2's "done when"): real validation by the API
// server, real RBAC, the seeded demo cloud, and the simulator moving new objects to ready.
// Runs against the `test` profile started by the test command.
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';

import { eventually } from './eventually.testing.ts';
import { loadKubeconfig } from './kube.ts';
import { SeedClient } from './seed/client.ts';
import { clusterObjects } from './seed/clusters.ts';
import { dataStoreFor } from './seed/platform.ts';
import { tenantObjects } from './seed/tenants.ts';
import { dataVolumeObject, images, loadBalancerObject, vmObject } from './seed/workloads.ts';
import { ApiError, isStatus, Rest } from './simulator/kube/rest.ts';
import type { Condition, KObj } from './simulator/kube/types.ts';

const adminFile =
  process.env.STRATUS_TEST_ADMIN_KUBECONFIG ??
  path.resolve('.devcluster', 'test', 'admin.kubeconfig');
const dashboardFile = path.join(path.dirname(adminFile), 'dashboard.kubeconfig');
const impersonatorFile = path.join(path.dirname(adminFile), 'impersonator.kubeconfig');

const admin = new Rest(loadKubeconfig(adminFile), { fieldManager: 'stratus-itest' });
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
const tenant = {
  name: `it-${run}`,
  displayName: `Integration ${run}`,
  namespace: `tenant-it-${run}`,
};
const ns = tenant.namespace;

type Obj = KObj & { spec?: Record<string, unknown>; status?: Record<string, unknown> };

const get = (p: string) => admin.find<Obj>(p);
const list = async (p: string) => (await admin.list<Obj>(p)).items;
const cond = (o: Obj | undefined, type: string) =>
  ((o?.status?.conditions as Condition[] | undefined) ?? []).find((c) => c.type === type);

async function rejection(p: string, body: KObj, client = admin): Promise<ApiError> {
  try {
    await client.create(p, body);
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  await client.delete(`${p}/${body.metadata.name}`);
  throw new Error(`${body.kind} ${body.metadata.name} was accepted`);
}

const paths = new SeedClient(adminFile, () => {});

async function createAll(objs: KObj[]): Promise<void> {
  for (const o of objs) {
    const p = await paths.pathOf(o);
    await admin.create(p.slice(0, p.lastIndexOf('/')), o);
  }
}

beforeAll(async () => {
  // A tenant as the operator sets one up: namespace, quota, bindings and its Kamaji DataStore.
  await createAll([...tenantObjects(tenant), dataStoreFor(ns, tenant.name)]);
});

afterAll(async () => {
  // Best effort when a test failed before the deletion test ran.
  await admin.delete(`/api/v1/namespaces/${ns}`).catch(() => {});
  await admin.delete(`/apis/kamaji.clastix.io/v1alpha1/datastores/${ns}`).catch(() => {});
  admin.close();
  paths.close();
});

describe('the API server validates with the CRDs’ own schemas', () => {
  it('rejects a VirtualMachine without spec.template', async () => {
    const err = await rejection(`/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachines`, {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachine',
      metadata: { name: 'no-template' },
      spec: { runStrategy: 'Always' },
    });
    expect(err.status).toBe(422);
    expect(err.message).toContain('spec.template: Required value');
  });

  it('rejects a v1beta2 Cluster whose controlPlaneRef lacks apiGroup and name', async () => {
    const err = await rejection(`/apis/cluster.x-k8s.io/v1beta2/namespaces/${ns}/clusters`, {
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'Cluster',
      metadata: { name: 'bad-ref' },
      spec: { controlPlaneRef: { kind: 'KamajiControlPlane' } },
    });
    expect(err.status).toBe(422);
    expect(err.message).toContain('spec.controlPlaneRef.apiGroup: Required value');
    expect(err.message).toContain('spec.controlPlaneRef.name: Required value');
  });

  it('rejects an IPAddressPool with a malformed range', async () => {
    const pools = '/apis/metallb.io/v1beta1/namespaces/metallb-system/ipaddresspools';
    const pool = (name: string, addresses: unknown): KObj => ({
      apiVersion: 'metallb.io/v1beta1',
      kind: 'IPAddressPool',
      metadata: { name },
      spec: { addresses },
    });
    // MetalLB's own validating webhook (its controller runs here), reached through kube-apiserver.
    const range = await eventually('the MetalLB webhook to answer', async () => {
      const e = await rejection(pools, pool(`it-${run}-range`, ['198.51.100.200-banana'])).catch(
        () => undefined,
      );
      return e;
    });
    expect(range.status).toBe(403);
    expect(range.message).toContain(
      'admission webhook "ipaddresspoolvalidationwebhook.metallb.io" denied the request',
    );
    expect(range.message).toContain(
      'invalid IP range "198.51.100.200-banana": invalid end IP "banana"',
    );
    // The schema itself: addresses must be a list.
    const shape = await rejection(pools, pool(`it-${run}-shape`, '198.51.100.200-198.51.100.201'));
    expect(shape.status).toBe(422);
    expect(shape.message).toContain('spec.addresses: Invalid value: "string"');
  });
});

describe('RBAC', () => {
  const dashboard = (impersonate?: { user: string; groups?: string[] }) =>
    new Rest(loadKubeconfig(dashboardFile), { impersonate });
  // The impersonation fallback's identity (deploy/rbac/impersonation.yaml); the dashboard's own
  // identity never holds that role while the cluster runs token passthrough.
  const impersonator = (impersonate: { user: string; groups?: string[] }) =>
    new Rest(loadKubeconfig(impersonatorFile), { impersonate });

  it('denies the dashboard identity reads and impersonation', async () => {
    const c = dashboard();
    await expect(c.list('/api/v1/namespaces')).rejects.toSatisfy((e) => isStatus(e, 403));
    await expect(c.list(`/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachines`)).rejects.toSatisfy(
      (e) => isStatus(e, 403),
    );
    c.close();
    const as = dashboard({ user: 'oidc:someone@example.com', groups: ['system:masters'] });
    await expect(as.list('/api/v1/namespaces')).rejects.toSatisfy((e) => isStatus(e, 403));
    as.close();
  });

  it('denies an impersonated user without groups', async () => {
    const c = impersonator({ user: 'oidc:nobody' });
    await expect(c.list(`/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachines`)).rejects.toSatisfy(
      (e) => isStatus(e, 403),
    );
    await expect(c.get(`/api/v1/namespaces/${ns}`)).rejects.toSatisfy((e) => isStatus(e, 403));
    await expect(c.list(`/api/v1/namespaces/${ns}/secrets`)).rejects.toSatisfy((e) =>
      isStatus(e, 403),
    );
    c.close();
  });

  it('lets the tenant’s admin group in, and only into its tenant', async () => {
    const c = impersonator({
      user: 'oidc:someone@example.com',
      groups: [`oidc:tenant-${tenant.name}-admins`],
    });
    expect((await c.list(`/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachines`)).items).toEqual(
      [],
    );
    expect((await c.get(`/api/v1/namespaces/${ns}`)).metadata.name).toBe(ns);
    await expect(
      c.list('/apis/kubevirt.io/v1/namespaces/tenant-acme/virtualmachines'),
    ).rejects.toSatisfy((e) => isStatus(e, 403));
    c.close();
  });
});

describe('the seeded demo cloud', () => {
  it('has nodes with hardware, one NotReady and being fenced', async () => {
    const nodes = await list('/api/v1/nodes');
    const names = nodes.map((n) => n.metadata.name);
    expect(names).toEqual(
      expect.arrayContaining(['node-a1', 'node-a2', 'node-a3', 'node-a4', 'node-a5', 'node-b6']),
    );
    const kwok = nodes.filter((n) => n.metadata.annotations?.['kwok.x-k8s.io/node'] === 'fake');
    expect(kwok.length).toBeGreaterThanOrEqual(5);
    const a4 = nodes.find((n) => n.metadata.name === 'node-a4');
    expect(a4?.metadata.labels?.['feature.node.kubernetes.io/pci-10de.present']).toBe('true');
    expect(a4?.status?.nodeInfo).toMatchObject({
      osImage: expect.stringMatching(/^Talos/),
      kubeletVersion: 'v1.34.4',
    });
    const b6 = nodes.find((n) => n.metadata.name === 'node-b6');
    expect(b6?.metadata.annotations?.['kwok.x-k8s.io/node']).toBeUndefined();
    expect(b6?.metadata.annotations?.['fencing/enabled']).toBe('true');
    expect(['started', 'fenced']).toContain(b6?.metadata.annotations?.['fencing/state']);
    expect(cond(b6, 'Ready')?.status).toBe('Unknown');
    expect(b6?.spec?.taints).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'node.kubernetes.io/out-of-service', effect: 'NoExecute' }),
      ]),
    );
    const hosts = await list('/apis/metal3.io/v1alpha1/namespaces/metal3/baremetalhosts');
    expect(hosts).toHaveLength(6);
    const hw = hosts.find((h) => h.metadata.name === 'node-a1')?.status?.hardware as
      | { storage: { serialNumber: string }[]; nics: { mac: string; speedGbps: number }[] }
      | undefined;
    expect(hw?.storage[0]?.serialNumber).toBeTruthy();
    expect(hw?.nics[0]).toMatchObject({ mac: expect.any(String), speedGbps: 25 });
    expect(
      await list('/apis/nfd.k8s-sigs.io/v1alpha1/namespaces/node-feature-discovery/nodefeatures'),
    ).toHaveLength(6);
  });

  it('has the tenants, storage classes, pools and platform releases', async () => {
    const tenants = await list('/api/v1/namespaces?labelSelector=stratus.dev/tenant');
    expect(tenants.map((t) => t.metadata.name)).toEqual(
      expect.arrayContaining(['tenant-acme', 'tenant-globex']),
    );
    const quota = await get('/api/v1/namespaces/tenant-acme/resourcequotas/tenant-quota');
    expect(Object.keys((quota?.spec?.hard as object) ?? {})).toEqual(
      expect.arrayContaining([
        'count/virtualmachines.kubevirt.io',
        'count/clusters.cluster.x-k8s.io',
        'services.loadbalancers',
      ]),
    );
    const classes = await list('/apis/storage.k8s.io/v1/storageclasses');
    expect(classes.map((c) => c.metadata.name)).toEqual(
      expect.arrayContaining(['replicated', 'replicated-x3', 'local']),
    );
    const pools = await list('/apis/metallb.io/v1beta1/namespaces/metallb-system/ipaddresspools');
    expect(pools.map((p) => p.metadata.name)).toEqual(
      expect.arrayContaining(['public', 'private']),
    );
    expect(
      await list('/apis/metallb.io/v1beta1/namespaces/metallb-system/l2advertisements'),
    ).not.toHaveLength(0);

    // The platform's releases only: tenants' add-on releases (seeded clusters' and other tests')
    // come and go with their clusters.
    const releases = (await list('/apis/helm.toolkit.fluxcd.io/v2/helmreleases')).filter(
      (r) => !(r.metadata.namespace ?? '').startsWith('tenant-'),
    );

    expect(releases.length).toBeGreaterThanOrEqual(25);
    const ready = releases.filter((r) => cond(r, 'Ready')?.status === 'True');
    const failed = releases.filter((r) => cond(r, 'Ready')?.status === 'False');
    const progressing = releases.filter((r) => cond(r, 'Reconciling')?.status === 'True');
    const suspended = releases.filter((r) => r.spec?.suspend === true);
    expect(ready.length).toBeGreaterThanOrEqual(15);
    expect(failed).toHaveLength(3);
    expect(progressing).toHaveLength(2);
    expect(suspended).toHaveLength(2);
    expect(failed.some((r) => cond(r, 'Stalled')?.status === 'True')).toBe(true);

    // Created by the real node-healthcheck controller once it sees the NotReady node.
    const far = await eventually('the FAR the node-healthcheck controller creates', async () => {
      const f = await get(
        '/apis/fence-agents-remediation.medik8s.io/v1alpha1/namespaces/medik8s/fenceagentsremediations/node-b6',
      );
      return cond(f, 'FenceAgentActionSucceeded') ? f : undefined;
    });
    expect(far?.spec).toMatchObject({
      agent: 'fence_ipmilan',
      remediationStrategy: 'OutOfServiceTaint',
    });
    expect(['Unknown', 'True']).toContain(cond(far, 'Succeeded')?.status);
    expect(cond(far, 'FenceAgentActionSucceeded')).toBeDefined();

    const linstor = await get('/apis/piraeus.io/v1/linstorclusters/linstorcluster');
    expect(linstor?.status?.satellites).toBe('5/5');
    expect(await list('/apis/piraeus.io/v1/linstorsatellites')).toHaveLength(5);

    const nhc = await get('/apis/remediation.medik8s.io/v1alpha1/nodehealthchecks/workers');
    expect(nhc?.status?.phase).toBe('Remediating');
    expect(nhc?.status?.unhealthyNodes).toEqual([expect.objectContaining({ name: 'node-b6' })]);

    for (const t of ['tenant-acme', 'tenant-globex']) {
      expect(
        await list(`/apis/cluster.x-k8s.io/v1beta2/namespaces/${t}/clusters`),
      ).not.toHaveLength(0);
      expect(await list(`/apis/kubevirt.io/v1/namespaces/${t}/virtualmachines`)).not.toHaveLength(
        0,
      );
      expect(await list(`/api/v1/namespaces/${t}/persistentvolumeclaims`)).not.toHaveLength(0);
      const lbs = (await list(`/api/v1/namespaces/${t}/services`)).filter(
        (s) => s.spec?.type === 'LoadBalancer',
      );
      expect(lbs).not.toHaveLength(0);
    }
  });
});

describe('the simulator refuses what the real components refuse', () => {
  const group = {
    name: 'md-0',
    replicas: 1,
    cpu: 2,
    memory: '4Gi',
    diskSize: '20Gi',
    storageClass: 'replicated',
  };
  const objectsOf = (name: string) =>
    clusterObjects({
      name,
      namespace: ns,
      version: 'v1.33.5',
      controlPlaneReplicas: 1,
      nodeGroups: [group],
    });
  const machinesOf = async (name: string) =>
    list(
      `/apis/cluster.x-k8s.io/v1beta2/namespaces/${ns}/machines?labelSelector=cluster.x-k8s.io/cluster-name=${name}`,
    );

  it("keeps a worker whose kubelet refuses its --node-labels from joining, with the kubelet's message", async () => {
    const name = 'badlabels';
    const objs = objectsOf(name).map((o) => {
      if (o.kind !== 'KubeadmConfigTemplate') return o;
      const t = structuredClone(o) as Obj;
      const reg = (
        t.spec as {
          template: {
            spec: {
              joinConfiguration: {
                nodeRegistration: { kubeletExtraArgs: { name: string; value: string }[] };
              };
            };
          };
        }
      ).template.spec.joinConfiguration.nodeRegistration;
      reg.kubeletExtraArgs = [
        {
          name: 'node-labels',
          value: 'node-role.kubernetes.io/worker=,stratus.dev/node-group=md-0',
        },
      ];
      return t;
    });
    await createAll(objs);
    const m = await eventually('a machine with the kubelet refusal', async () => {
      const [first] = await machinesOf(name);
      return (
        cond(first, 'NodeReady')?.message?.includes("unknown 'kubernetes.io' or 'k8s.io' labels") &&
        first
      );
    });
    expect(m.status?.phase).toBe('Provisioned');
    expect(cond(m, 'NodeReady')?.status).toBe('False');
    // The event is recorded beside the status write, not before it: wait for it too.
    const failed = await eventually('the KubeletFailed event', async () =>
      (
        await list(
          `/api/v1/namespaces/${ns}/events?fieldSelector=involvedObject.name=${m.metadata.name}`,
        )
      ).find((e) => (e as { reason?: string }).reason === 'KubeletFailed'),
    );
    expect(failed).toMatchObject({
      type: 'Warning',
      message: expect.stringContaining('[node-role.kubernetes.io/worker]'),
    });
  });

  it('keeps nodes NotReady until the CNI release is Ready, and fails a chart version the source lacks', async () => {
    const name = 'nocni';
    const objs = objectsOf(name).map((o) => {
      if (o.kind !== 'HelmRelease') return o;
      const hr = structuredClone(o) as Obj;
      (hr.spec as { chart: { spec: { version: string } } }).chart.spec.version = '9.9.9';
      return hr;
    });
    await createAll(objs);
    const hrPath = `/apis/helm.toolkit.fluxcd.io/v2/namespaces/${ns}/helmreleases/${name}-cilium`;
    const failed = await eventually('the CNI release to fail', async () => {
      const hr = await get(hrPath);
      return (
        cond(hr, 'Ready')?.status === 'False' &&
        cond(hr, 'Ready')?.reason === 'SourceNotReady' &&
        hr
      );
    });
    expect(cond(failed, 'Ready')?.message).toContain(
      "no 'cilium' chart with version matching '9.9.9' found",
    );
    const notReady = await eventually('a Running machine whose node is NotReady', async () => {
      const [m] = await machinesOf(name);
      return m?.status?.phase === 'Running' && cond(m, 'NodeReady')?.status === 'False' && m;
    });
    expect(cond(notReady, 'NodeReady')?.message).toContain('cni plugin not initialized');
    const clusterPath = `/apis/cluster.x-k8s.io/v1beta2/namespaces/${ns}/clusters/${name}`;
    expect(cond(await get(clusterPath), 'Available')?.status).not.toBe('True');

    await admin.mergePatch(hrPath, { spec: { chart: { spec: { version: '1.18.2' } } } });
    await eventually('the cluster to become Available once the CNI is Ready', async () => {
      const c = await get(clusterPath);
      return cond(c, 'Available')?.status === 'True';
    });
  });

  it('replaces a worker its MachineHealthCheck flags, and reports the check', async () => {
    const name = 'mhc';
    await createAll(
      clusterObjects({
        name,
        namespace: ns,
        version: 'v1.33.5',
        controlPlaneReplicas: 1,
        nodeGroups: [{ ...group, replicas: 3 }],
      }),
    );
    const running = await eventually(
      'three Running machines',
      async () => {
        const ms = (await machinesOf(name)).filter((m) => m.status?.phase === 'Running');
        return ms.length === 3 && ms;
      },
      45_000,
    );
    const victim = running[0]?.metadata.name ?? '';
    await admin.mergePatch(`/apis/cluster.x-k8s.io/v1beta2/namespaces/${ns}/machines/${victim}`, {
      metadata: { annotations: { 'cluster.x-k8s.io/remediate-machine': '' } },
    });
    await eventually(
      'the flagged machine to be replaced',
      async () => {
        const names = (await machinesOf(name))
          .filter((m) => !m.metadata.deletionTimestamp)
          .map((m) => m.metadata.name);
        return !names.includes(victim) && names.length === 3;
      },
      45_000,
    );
    const events = await list(
      `/api/v1/namespaces/${ns}/events?fieldSelector=involvedObject.name=${victim}`,
    );
    expect(events.map((e) => (e as { reason?: string }).reason)).toContain(
      'MachineMarkedUnhealthy',
    );
    const check = await eventually('the health check status', async () => {
      const h = await get(
        `/apis/cluster.x-k8s.io/v1beta2/namespaces/${ns}/machinehealthchecks/${name}-md-0`,
      );
      return h?.status?.expectedMachines === 3 && h;
    });
    expect(cond(check, 'RemediationAllowed')?.status).toBe('True');
  });

  it('fails a control plane whose DataStore does not exist the way Kamaji does, and recovers when it appears', async () => {
    const name = 'nostore';
    const store = `it-missing-${run}`;
    const objs = objectsOf(name).map((o) => {
      if (o.kind !== 'KamajiControlPlane') return o;
      const kcp = structuredClone(o) as Obj;
      (kcp.spec as { dataStoreName: string }).dataStoreName = store;
      return kcp;
    });
    await createAll(objs);
    const kcpPath = `/apis/controlplane.cluster.x-k8s.io/v1alpha2/namespaces/${ns}/kamajicontrolplanes/${name}`;
    const kcp = await eventually('the control plane to fail', async () => {
      const k = await get(kcpPath);
      return (
        cond(k, 'TenantControlPlaneCreated')?.status === 'False' &&
        cond(k, 'TenantControlPlaneCreated')?.reason === 'Pending' &&
        k
      );
    });
    expect(cond(kcp, 'TenantControlPlaneCreated')?.message).toBe(
      `cannot create or update TenantControlPlane: admission webhook "vtenantcontrolplane.kb.io" denied the request: ${store} DataStore does not exist`,
    );
    const storeObj = { ...dataStoreFor(ns, tenant.name), metadata: { name: store } };
    await createAll([storeObj]);
    try {
      await eventually('the control plane to be created once the store exists', async () => {
        const k = await get(kcpPath);
        return cond(k, 'TenantControlPlaneCreated')?.status === 'True';
      });
    } finally {
      await admin.delete(`/apis/kamaji.clastix.io/v1alpha1/datastores/${store}`).catch(() => {});
    }
  });
});

describe('the simulator plays the missing controllers', () => {
  it('provisions a tenant cluster, publishes its kubeconfig, scales and upgrades it', async () => {
    const name = 'k1';
    await createAll(
      clusterObjects({
        name,
        namespace: ns,
        version: 'v1.33.5',
        controlPlaneReplicas: 2,
        nodeGroups: [
          {
            name: 'md-0',
            replicas: 2,
            cpu: 2,
            memory: '4Gi',
            diskSize: '20Gi',
            storageClass: 'replicated',
          },
        ],
      }),
    );
    const clusterPath = `/apis/cluster.x-k8s.io/v1beta2/namespaces/${ns}/clusters/${name}`;
    const cluster = await eventually('the Cluster to be Provisioned and Available', async () => {
      const c = await get(clusterPath);
      return c?.status?.phase === 'Provisioned' && cond(c, 'Available')?.status === 'True' && c;
    });
    expect(cluster.spec?.controlPlaneEndpoint).toEqual({
      host: `${name}.${ns}.k8s.stratus.local`,
      port: 6443,
    });
    expect(cluster.status?.workers).toMatchObject({
      desiredReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
    });
    expect(cluster.status?.initialization).toEqual({
      infrastructureProvisioned: true,
      controlPlaneInitialized: true,
    });

    const secret = await eventually('the kubeconfig Secret', () =>
      get(`/api/v1/namespaces/${ns}/secrets/${name}-kubeconfig`),
    );
    expect(secret.type).toBe('cluster.x-k8s.io/secret');
    expect(secret.metadata.labels?.['cluster.x-k8s.io/cluster-name']).toBe(name);
    expect(secret.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'Cluster',
      name,
      uid: cluster.metadata.uid,
    });
    const kubeconfig = YAML.parse(
      Buffer.from((secret.data as { value: string }).value, 'base64').toString(),
    ) as {
      clusters: { cluster: { server: string } }[];
      users: { user: { token: string } }[];
    };
    expect(kubeconfig.clusters[0]?.cluster.server).toBe(
      `https://${name}.${ns}.k8s.stratus.local:6443`,
    );
    expect(kubeconfig.users[0]?.user.token).toBeTruthy();

    const machines = await list(
      `/apis/cluster.x-k8s.io/v1beta2/namespaces/${ns}/machines?labelSelector=cluster.x-k8s.io/cluster-name=${name}`,
    );
    expect(machines).toHaveLength(2);
    expect(
      machines.every(
        (m) => m.status?.phase === 'Running' && (m.status.nodeRef as { name: string }).name,
      ),
    ).toBe(true);

    // Scale down by one.
    const mdPath = `/apis/cluster.x-k8s.io/v1beta2/namespaces/${ns}/machinedeployments/${name}-md-0`;
    await admin.mergePatch(mdPath, { spec: { replicas: 1 } });
    await eventually('the MachineDeployment to scale down to 1', async () => {
      const md = await get(mdPath);
      const ms = await list(
        `/apis/cluster.x-k8s.io/v1beta2/namespaces/${ns}/machines?labelSelector=cluster.x-k8s.io/deployment-name=${name}-md-0`,
      );
      return (
        md?.status?.replicas === 1 &&
        md.status.readyReplicas === 1 &&
        md.status.phase === 'Running' &&
        ms.length === 1
      );
    });

    // Upgrade the control plane: it passes through Upgrading and lands on the new version.
    const kcpPath = `/apis/controlplane.cluster.x-k8s.io/v1alpha2/namespaces/${ns}/kamajicontrolplanes/${name}`;
    await admin.mergePatch(kcpPath, { spec: { version: 'v1.34.1' } });
    await eventually('the upgrade to show', async () => {
      const c = await get(clusterPath);
      const tcp = await get(
        `/apis/kamaji.clastix.io/v1alpha1/namespaces/${ns}/tenantcontrolplanes/${name}`,
      );
      const version = (
        tcp?.status?.kubernetesResources as { version?: { status?: string } } | undefined
      )?.version;
      return cond(c, 'RollingOut')?.status === 'True' || version?.status === 'Upgrading';
    });
    await eventually('the control plane to run v1.34.1', async () => {
      const kcp = await get(kcpPath);
      const c = await get(clusterPath);
      return (
        kcp?.status?.version === 'v1.34.1' &&
        kcp.status.ready === true &&
        cond(c, 'RollingOut')?.status === 'False'
      );
    });
  });

  it('lets a tenant cluster be deleted by its label, without recreating anything', async () => {
    const name = 'k2';
    await createAll(
      clusterObjects({
        name,
        namespace: ns,
        version: 'v1.34.1',
        controlPlaneReplicas: 1,
        nodeGroups: [
          {
            name: 'md-0',
            replicas: 1,
            cpu: 2,
            memory: '4Gi',
            diskSize: '20Gi',
            storageClass: 'local',
          },
        ],
      }),
    );
    const selector = `labelSelector=stratus.dev/cluster=${name}`;
    const machinesPath = `/apis/cluster.x-k8s.io/v1beta2/namespaces/${ns}/machines?${selector}`;
    await eventually('a running machine and the kubeconfig', async () => {
      const ms = await list(machinesPath);
      return (
        ms.some((m) => m.status?.phase === 'Running') &&
        (await get(`/api/v1/namespaces/${ns}/secrets/${name}-kubeconfig`))
      );
    });
    for (const p of [
      'cluster.x-k8s.io/v1beta2/namespaces/NS/clusters',
      'controlplane.cluster.x-k8s.io/v1alpha2/namespaces/NS/kamajicontrolplanes',
      'infrastructure.cluster.x-k8s.io/v1alpha1/namespaces/NS/kubevirtclusters',
      'infrastructure.cluster.x-k8s.io/v1alpha1/namespaces/NS/kubevirtmachinetemplates',
      'bootstrap.cluster.x-k8s.io/v1beta2/namespaces/NS/kubeadmconfigtemplates',
      'cluster.x-k8s.io/v1beta2/namespaces/NS/machinedeployments',
    ]) {
      await admin.delete(`/apis/${p.replace('NS', ns)}?${selector}`);
    }
    await eventually('everything labelled with the cluster to go', async () => {
      const left = [
        ...(await list(machinesPath)),
        ...(await list(`/api/v1/namespaces/${ns}/secrets?${selector}`)),
        ...(await list(
          `/apis/kamaji.clastix.io/v1alpha1/namespaces/${ns}/tenantcontrolplanes?${selector}`,
        )),
        ...(await list(`/apis/cluster.x-k8s.io/v1beta2/namespaces/${ns}/clusters?${selector}`)),
      ];
      return left.length === 0;
    });
    expect(await get(`/api/v1/namespaces/${ns}/secrets/${name}-kubeconfig`)).toBeUndefined();
  });

  it('answers a flux reconcile request', async () => {
    const hrPath = '/apis/helm.toolkit.fluxcd.io/v2/namespaces/cozy-metallb/helmreleases/metallb';
    const at = new Date().toISOString().replace('Z', '123456Z');
    await admin.mergePatch(hrPath, {
      metadata: { annotations: { 'reconcile.fluxcd.io/requestedAt': at } },
    });
    const hr = await eventually('lastHandledReconcileAt to follow', async () => {
      const h = await get(hrPath);
      return h?.status?.lastHandledReconcileAt === at && h;
    });
    expect(cond(hr, 'Ready')).toMatchObject({ status: 'True', reason: 'UpgradeSucceeded' });
  });

  it('imports a VM’s disk, runs it, and stops it', async () => {
    const vm = vmObject({
      name: 'vm1',
      namespace: ns,
      instancetype: 'u1.small',
      preference: 'ubuntu',
      image: images.ubuntu,
      rootSize: '10Gi',
      storageClass: 'replicated',
      runStrategy: 'Always',
    });
    await createAll([vm]);
    const vmPath = `/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachines/vm1`;
    const seen = new Set<string>();
    const running = await eventually('the VM to run', async () => {
      const v = await get(vmPath);
      if (typeof v?.status?.printableStatus === 'string') seen.add(v.status.printableStatus);
      return v?.status?.printableStatus === 'Running' && v.status.ready === true && v;
    });
    expect(running.status?.created).toBe(true);
    expect(seen.has('Running')).toBe(true);
    const dv = await get(`/apis/cdi.kubevirt.io/v1beta1/namespaces/${ns}/datavolumes/vm1-root`);
    expect(dv?.status?.phase).toBe('Succeeded');
    expect(dv?.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'VirtualMachine',
      name: 'vm1',
    });
    const vmi = await get(`/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachineinstances/vm1`);
    expect(vmi?.status?.phase).toBe('Running');
    expect(vmi?.status?.nodeName).toMatch(/^node-a\d$/);
    expect((vmi?.status?.interfaces as { ipAddress: string }[])[0]?.ipAddress).toMatch(
      /^10\.244\.\d+\.\d+$/,
    );
    expect(vmi?.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'VirtualMachine',
      uid: running.metadata.uid,
    });

    await admin.mergePatch(vmPath, { spec: { runStrategy: 'Halted' } });
    await eventually('the VM to stop', async () => {
      const v = await get(vmPath);
      const i = await get(`/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachineinstances/vm1`);
      return v?.status?.printableStatus === 'Stopped' && !i;
    });
  });

  it('imports a DataVolume into a bound LINSTOR volume', async () => {
    await createAll([dataVolumeObject('golden', ns, images.debian, '5Gi', 'replicated-x3')]);
    const progress = new Set<string>();
    await eventually('the DataVolume to succeed', async () => {
      const dv = await get(`/apis/cdi.kubevirt.io/v1beta1/namespaces/${ns}/datavolumes/golden`);
      if (typeof dv?.status?.progress === 'string') progress.add(dv.status.progress);
      return dv?.status?.phase === 'Succeeded' && cond(dv, 'Ready')?.status === 'True';
    });
    expect(progress.has('100.0%')).toBe(true);
    const pvc = await get(`/api/v1/namespaces/${ns}/persistentvolumeclaims/golden`);
    expect(pvc?.status?.phase).toBe('Bound');
    const pv = await get(`/api/v1/persistentvolumes/${pvc?.spec?.volumeName as string}`);
    expect(pv?.spec?.csi).toMatchObject({
      driver: 'linstor.csi.linbit.com',
      volumeHandle: pv?.metadata.name,
    });
    expect(pv?.status?.phase).toBe('Bound');
  });

  it('gives LoadBalancer Services addresses from their MetalLB pool', async () => {
    const taken = new Set(
      (await list('/api/v1/services')).flatMap((s) =>
        (
          (s.status?.loadBalancer as { ingress?: { ip?: string }[] } | undefined)?.ingress ?? []
        ).map((i) => i.ip),
      ),
    );
    const wanted = Array.from({ length: 51 }, (_, i) => `198.51.100.${60 - i}`).find(
      (ip) => !taken.has(ip),
    );
    expect(wanted).toBeDefined();
    const before = await get(
      '/apis/metallb.io/v1beta1/namespaces/metallb-system/ipaddresspools/public',
    );
    await createAll([
      loadBalancerObject({
        name: 'auto',
        namespace: ns,
        pool: 'public',
        ports: [{ name: 'http', port: 80 }],
        selector: { app: 'x' },
      }),
      loadBalancerObject({
        name: 'fixed',
        namespace: ns,
        pool: 'public',
        ip: wanted,
        ports: [{ name: 'http', port: 80 }],
        selector: { app: 'x' },
      }),
    ]);
    const ipOf = async (n: string) => {
      const s = await get(`/api/v1/namespaces/${ns}/services/${n}`);
      const ip = (s?.status?.loadBalancer as { ingress?: { ip: string }[] } | undefined)
        ?.ingress?.[0]?.ip;
      return ip && s?.metadata.annotations?.['metallb.io/ip-allocated-from-pool'] === 'public'
        ? ip
        : undefined;
    };
    const auto = await eventually('an address for the auto Service', () => ipOf('auto'));
    expect(auto).toMatch(/^198\.51\.100\.\d+$/);
    expect(await eventually('the requested address', () => ipOf('fixed'))).toBe(wanted);
    await eventually('the pool counters to move', async () => {
      const p = await get(
        '/apis/metallb.io/v1beta1/namespaces/metallb-system/ipaddresspools/public',
      );
      const was = (before?.status?.assignedIPv4 as number | undefined) ?? 0;
      return (p?.status?.assignedIPv4 as number) >= was + 2 && p;
    });

    // Asking for an address another Service holds fails, with MetalLB's event.
    await createAll([
      loadBalancerObject({
        name: 'clash',
        namespace: ns,
        pool: 'public',
        ip: wanted,
        ports: [{ name: 'http', port: 80 }],
        selector: { app: 'x' },
      }),
    ]);
    const event = await eventually('an AllocationFailed event', async () => {
      const events = await list(
        `/api/v1/namespaces/${ns}/events?fieldSelector=involvedObject.name=clash`,
      );
      return events.find((e) => (e as { reason?: string }).reason === 'AllocationFailed');
    });
    // MetalLB's own words (internal/allocator/allocator.go checkSharing).
    expect((event as { message?: string }).message).toContain(
      `Failed to allocate IP for "${ns}/clash": can't change sharing key for "${ns}/clash", address also in use by ${ns}/fixed`,
    );
    expect(await ipOf('clash')).toBeUndefined();
  });

  it('removes everything in a deleted tenant namespace', async () => {
    await admin.delete(`/api/v1/namespaces/${ns}`);
    await eventually(
      'the namespace to disappear',
      async () => !(await get(`/api/v1/namespaces/${ns}`)),
      90_000,
    );
    await eventually('its volumes to be released and deleted', async () => {
      const pvs = (await list('/api/v1/persistentvolumes')).filter(
        (pv) => (pv.spec?.claimRef as { namespace?: string } | undefined)?.namespace === ns,
      );
      return pvs.length === 0;
    });
  }, 120_000);
});
