import { describe, expect, it } from 'vitest';

import { english } from '../i18n/messages';
import { summarizeCluster as summarize } from './status';

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
