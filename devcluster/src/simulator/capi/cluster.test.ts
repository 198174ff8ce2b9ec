import { describe, expect, it } from 'vitest';
import YAML from 'yaml';

import type { ClusterObj, KcpObj, KvcObj, MachineDeploymentObj } from '../kinds.ts';
import { clusterStatus, kubeconfigFor, kubeconfigSecret, nextPhase } from './cluster.ts';

const now = '2026-01-01T00:00:00Z';
const cluster = (status?: ClusterObj['status'], endpoint = false): ClusterObj => ({
  metadata: {
    name: 'k1',
    namespace: 't',
    uid: 'c-uid',
    generation: 1,
    labels: { 'stratus.dev/cluster': 'k1' },
  },
  spec: {
    controlPlaneRef: {
      apiGroup: 'controlplane.cluster.x-k8s.io',
      kind: 'KamajiControlPlane',
      name: 'k1',
    },
    infrastructureRef: {
      apiGroup: 'infrastructure.cluster.x-k8s.io',
      kind: 'KubevirtCluster',
      name: 'k1',
    },
    ...(endpoint ? { controlPlaneEndpoint: { host: 'k1.t.k8s.stratus.local', port: 6443 } } : {}),
  },
  status,
});
const kvc = (ready: boolean): KvcObj => ({ metadata: { name: 'k1' }, status: { ready } });
const kcp = (over: Partial<NonNullable<KcpObj['status']>> = {}): KcpObj => ({
  metadata: { name: 'k1' },
  spec: { version: 'v1.34.1', replicas: 2 },
  status: { ready: false, version: 'v1.34.1', ...over },
});
const md = (replicas: number, available: number): MachineDeploymentObj => ({
  metadata: { name: 'k1-md' },
  spec: {
    clusterName: 'k1',
    replicas,
    selector: {},
    template: {
      spec: {
        clusterName: 'k1',
        bootstrap: {},
        infrastructureRef: { apiGroup: 'x', kind: 'y', name: 'z' },
      },
    },
  },
  status: {
    replicas: available,
    readyReplicas: available,
    availableReplicas: available,
    upToDateReplicas: available,
    conditions: [
      {
        type: 'Available',
        status: available >= replicas ? 'True' : 'False',
        reason: 'x',
        message: '',
        lastTransitionTime: now,
      },
    ],
  },
});
const c = (s: ReturnType<typeof clusterStatus>, type: string) =>
  s.conditions.find((x) => x.type === type);

describe('cluster phases', () => {
  it('starts Pending, then Provisioning, then Provisioned once infra and endpoint are there', () => {
    expect(clusterStatus({ cluster: cluster(), mds: [] }, now).phase).toBe('Pending');
    expect(nextPhase(cluster({ phase: 'Pending' }))).toBe('Provisioning');
    expect(nextPhase(cluster({ phase: 'Provisioning' }))).toBeUndefined();
    const parts = { cluster: cluster({ phase: 'Provisioning' }), kvc: kvc(true), mds: [] };
    expect(clusterStatus(parts, now).phase).toBe('Provisioning');
    expect(
      clusterStatus({ ...parts, cluster: cluster({ phase: 'Provisioning' }, true) }, now).phase,
    ).toBe('Provisioned');
  });
});

describe('cluster conditions', () => {
  it('is Available only when infrastructure, control plane, workers and the probe are', () => {
    const notYet = clusterStatus(
      { cluster: cluster({ phase: 'Provisioning' }), kvc: kvc(false), kcp: kcp(), mds: [md(2, 0)] },
      now,
    );
    expect(c(notYet, 'Available')).toMatchObject({ status: 'False', reason: 'NotAvailable' });
    expect(c(notYet, 'Available')?.message).toContain('* InfrastructureReady');
    expect(c(notYet, 'WorkersAvailable')?.message).toContain(
      '0 available replicas, at least 2 required',
    );

    const ready = kcp({
      ready: true,
      initialization: { controlPlaneInitialized: true },
      replicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      upToDateReplicas: 2,
      conditions: [
        {
          type: 'Available',
          status: 'True',
          reason: 'Available',
          message: '',
          lastTransitionTime: now,
        },
      ],
    });
    const up = clusterStatus(
      {
        cluster: cluster({ phase: 'Provisioned' }, true),
        kvc: kvc(true),
        kcp: ready,
        mds: [md(2, 2)],
      },
      now,
    );
    expect(c(up, 'Available')).toMatchObject({ status: 'True', reason: 'Available' });
    expect(up.initialization).toEqual({
      infrastructureProvisioned: true,
      controlPlaneInitialized: true,
    });
    expect(up.controlPlane).toMatchObject({ desiredReplicas: 2, readyReplicas: 2 });
    expect(up.workers).toMatchObject({ desiredReplicas: 2, availableReplicas: 2 });
  });

  it('says RollingOut while the control plane upgrades', () => {
    const upgrading = kcp({
      ready: true,
      version: 'v1.33.5',
      initialization: { controlPlaneInitialized: true },
    });
    const s = clusterStatus(
      { cluster: cluster({ phase: 'Provisioned' }, true), kvc: kvc(true), kcp: upgrading, mds: [] },
      now,
    );
    expect(c(s, 'RollingOut')).toMatchObject({
      status: 'True',
      message: 'Rolling out control plane to v1.34.1',
    });
  });

  it('keeps lastTransitionTime while a condition holds', () => {
    const first = clusterStatus(
      { cluster: cluster({ phase: 'Provisioning' }), kvc: kvc(false), mds: [] },
      now,
    );
    const again = clusterStatus(
      {
        cluster: cluster({ phase: 'Provisioning', conditions: first.conditions }),
        kvc: kvc(false),
        mds: [],
      },
      '2026-02-02T00:00:00Z',
    );
    expect(c(again, 'InfrastructureReady')?.lastTransitionTime).toBe(now);
  });
});

describe('kubeconfig Secret', () => {
  it('is a valid kubeconfig owned by the Cluster', () => {
    const text = kubeconfigFor(
      'k1',
      { host: 'k1.t.k8s.stratus.local', port: 6443 },
      '-----BEGIN CERTIFICATE-----\n',
      'abc.def',
    );
    const kc = YAML.parse(text) as Record<string, unknown> & {
      clusters: { cluster: Record<string, string> }[];
      contexts: unknown[];
      users: unknown[];
    };
    expect(kc.clusters).toHaveLength(1);
    expect(kc.clusters[0]?.cluster.server).toBe('https://k1.t.k8s.stratus.local:6443');
    expect(kc.clusters[0]?.cluster['certificate-authority-data']).toBeTruthy();
    expect(kc.users).toEqual([{ name: 'k1-admin', user: { token: 'abc.def' } }]);
    expect(kc['current-context']).toBe('k1-admin@k1');
    const s = kubeconfigSecret(cluster(), text);
    expect(s).toMatchObject({
      type: 'cluster.x-k8s.io/secret',
      metadata: {
        name: 'k1-kubeconfig',
        labels: { 'cluster.x-k8s.io/cluster-name': 'k1', 'stratus.dev/cluster': 'k1' },
      },
    });
    expect(s.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'Cluster',
      uid: 'c-uid',
      controller: true,
    });
    expect(Buffer.from((s.data as { value: string }).value, 'base64').toString()).toBe(text);
  });
});
