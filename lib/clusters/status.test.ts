import { describe, expect, it } from 'vitest';

import { english } from '../i18n/catalogs';
import { summarizeCluster as summarize } from './status';
import type { HelmReleaseObject, MachineObject } from './types';

// Summaries are message keys; read them as an English speaker would.
const summarizeCluster = (...args: Parameters<typeof summarize>) => {
  const s = summarize(...args);
  return { ...s, summary: english(s.summary) };
};

const cluster = (status: object = {}, extra: object = {}) => ({
  metadata: { name: 'dev', namespace: 'ns', creationTimestamp: '2026-01-01T00:00:00Z', ...extra },
  spec: { controlPlaneEndpoint: { host: 'dev.example', port: 6443 } },
  status,
});
const cp = (ready: boolean, version = 'v1.34.1', specVersion = version) => ({
  spec: { version: specVersion, replicas: 2 },
  status: { ready, version, readyReplicas: ready ? 2 : 0 },
});
const md = (group: string, desired: number, ready: number, version = 'v1.34.1') => ({
  metadata: {
    name: `dev-${group}`,
    labels: { 'cluster.x-k8s.io/cluster-name': 'dev', 'stratus.dev/node-group': group },
  },
  spec: { replicas: desired, template: { spec: { version } } },
  status: { readyReplicas: ready },
});

describe('summarizeCluster', () => {
  it('waits for infrastructure, then the control plane', () => {
    expect(summarizeCluster(cluster({ phase: 'Provisioning' }), undefined, []).summary).toBe(
      'Waiting for infrastructure',
    );
    expect(
      summarizeCluster(
        cluster({ phase: 'Provisioning', initialization: { infrastructureProvisioned: true } }),
        cp(false),
        [],
      ).summary,
    ).toBe('Waiting for control plane');
  });

  it('names the node groups that are behind', () => {
    const s = summarizeCluster(
      cluster({ phase: 'Provisioned', initialization: { infrastructureProvisioned: true } }),
      cp(true),
      [md('workers', 3, 1), md('gpu', 1, 1)],
    );
    expect(s.summary).toBe('2/4 workers ready: workers 1/3');
    expect(s.workersReady).toBe(2);
    expect(s.workersDesired).toBe(4);
    expect(s.endpoint).toBe('dev.example:6443');
  });

  it('is ready when everything is, and reports upgrades and deletion', () => {
    const st = { phase: 'Provisioned', initialization: { infrastructureProvisioned: true } };
    expect(summarizeCluster(cluster(st), cp(true), [md('workers', 2, 2)]).ready).toBe(true);
    expect(
      summarizeCluster(cluster(st), cp(true, 'v1.33.5', 'v1.34.1'), [md('workers', 2, 2)]).summary,
    ).toBe('Upgrading control plane to v1.34.1');
    expect(summarizeCluster(cluster(st), cp(true), [md('workers', 2, 2, 'v1.33.5')]).summary).toBe(
      'Node groups to upgrade: workers',
    );
    expect(
      summarizeCluster(cluster(st, { deletionTimestamp: '2026-01-02T00:00:00Z' }), cp(true), [])
        .phase,
    ).toBe('Deleting');
  });
});

// The chain: inputs shaped like the controllers write them; the messages are made up on purpose,
// so the summary must carry whatever a controller said rather than know its wording.
const ready = { phase: 'Provisioned', initialization: { infrastructureProvisioned: true } };
const cond = (type: string, status: 'True' | 'False' | 'Unknown', message?: string) => ({
  type,
  status,
  ...(message ? { message } : {}),
});
const kcp = (conditions: ReturnType<typeof cond>[]) => ({
  spec: { version: 'v1.34.1', replicas: 2 },
  status: { ready: false, conditions },
});
const machine = (name: string, conditions: ReturnType<typeof cond>[], node?: string) => ({
  metadata: { name, labels: { 'cluster.x-k8s.io/cluster-name': 'dev' } },
  status: { phase: 'Provisioned', conditions, ...(node ? { nodeRef: { name: node } } : {}) },
});
const release = (id: string, ready?: ReturnType<typeof cond>, dependsOn: string[] = []) => ({
  metadata: {
    name: `dev-${id}`,
    labels: { 'cluster.x-k8s.io/cluster-name': 'dev', 'stratus.dev/addon': id },
  },
  spec: { dependsOn: dependsOn.map((d) => ({ name: `dev-${d}` })) },
  status: { conditions: ready ? [ready] : [] },
});
const catalog = [
  { id: 'cilium', required: true, role: 'cni', chart: 'cilium', version: '1.18.2', dependsOn: [] },
  {
    id: 'ingress',
    required: false,
    chart: 'ingress-nginx',
    version: '4.13.3',
    dependsOn: ['cilium'],
  },
];
const parts = (machines: MachineObject[], releases: HelmReleaseObject[]) => ({
  machines,
  releases,
  catalog,
});

describe('what blocks a cluster', () => {
  it('names the control plane condition that refuses, created or not', () => {
    const refused = kcp([
      cond('Available', 'False', 'not available'),
      cond('TenantControlPlaneCreated', 'False', 'store acme-zz is absent'),
    ]);
    expect(summarizeCluster(cluster({ phase: 'Provisioning' }), refused, []).summary).toBe(
      'Control plane not created: store acme-zz is absent',
    );
    const stuck = kcp([
      cond('TenantControlPlaneCreated', 'True'),
      cond('KamajiControlPlaneIsReady', 'False', 'api server\n* crash looping'),
    ]);
    expect(summarizeCluster(cluster(ready), stuck, []).summary).toBe(
      'Control plane not ready: api server; crash looping',
    );
    // Roll-ups and wordless conditions are no explanation: the plain wait stays.
    const waiting = kcp([
      cond('Available', 'False', 'x'),
      cond('KamajiControlPlaneIsReady', 'False'),
    ]);
    expect(summarizeCluster(cluster(ready), waiting, []).summary).toBe('Waiting for control plane');
  });

  it('names a worker whose kubelet refused to start before anything else', () => {
    const s = summarizeCluster(
      cluster(ready),
      cp(true),
      [md('workers', 2, 0)],
      parts(
        [
          machine('dev-workers-b', [cond('NodeReady', 'False', 'kubelet: bad flag --zz')]),
          machine('dev-workers-a', [cond('NodeReady', 'Unknown', 'no node yet')]),
        ],
        [release('cilium', cond('Ready', 'Unknown', 'installing'))],
      ),
    );
    expect(s.summary).toBe('Worker dev-workers-b cannot join: kubelet: bad flag --zz');
    expect(s.ready).toBe(false);
  });

  it('blames the CNI release when joined nodes stay NotReady', () => {
    const notReady = [machine('dev-workers-a', [cond('NodeReady', 'False', 'net down')], 'n1')];
    const summary = (releases: HelmReleaseObject[]) =>
      summarizeCluster(cluster(ready), cp(true), [md('workers', 1, 0)], parts(notReady, releases))
        .summary;
    expect(summary([release('cilium', cond('Ready', 'False', 'chart 9.9 not found'))])).toBe(
      'Workers NotReady: CNI release cilium failed: chart 9.9 not found',
    );
    expect(summary([release('cilium')])).toBe('Workers NotReady: waiting for CNI release cilium');
    expect(summary([])).toBe('Workers NotReady: CNI release cilium is not installed');
    // With the CNI Ready, the node's own word is the reason.
    expect(summary([release('cilium', cond('Ready', 'True'))])).toBe(
      'Worker dev-workers-a NotReady: net down',
    );
  });

  it('is Ready only once the add-ons are, and says which failed', () => {
    const ok = [machine('dev-workers-a', [cond('NodeReady', 'True')], 'n1')];
    const run = (releases: HelmReleaseObject[]) =>
      summarizeCluster(cluster(ready), cp(true), [md('workers', 1, 1)], parts(ok, releases));
    expect(
      run([release('cilium', cond('Ready', 'True')), release('ingress', undefined, ['cilium'])])
        .summary,
    ).toBe('Installing add-ons: ingress');
    expect(
      run([
        release('cilium', cond('Ready', 'True')),
        release('ingress', cond('Ready', 'False', 'values invalid'), ['cilium']),
      ]).summary,
    ).toBe('Add-on ingress failed: values invalid');
    const done = run([
      release('cilium', cond('Ready', 'True')),
      release('ingress', cond('Ready', 'True'), ['cilium']),
    ]);
    expect(done.summary).toBe('Ready');
    expect(done.ready).toBe(true);
  });

  it('tells whether the API server trusts the sign-in (personal access)', () => {
    const withOidc = {
      ...cp(true),
      spec: {
        version: 'v1.34.1',
        apiServer: { extraArgs: ['--oidc-issuer-url=https://id.example', '--oidc-client-id=k8s'] },
      },
    };
    expect(summarizeCluster(cluster(ready), withOidc, []).personalAccess).toBe(true);
    expect(summarizeCluster(cluster(ready), cp(true), []).personalAccess).toBe(false);
  });
});
