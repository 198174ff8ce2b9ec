import { describe, expect, it } from 'vitest';

import type { KcpObj, TcpObj } from '../kinds.ts';
import { dataStoreRefusal, nextKcpStep, tcpFor } from './controlplane.ts';

const now = '2026-01-01T00:00:00Z';
const base: KcpObj = {
  metadata: { name: 'k1', namespace: 't', uid: 'kcp' },
  spec: { version: 'v1.34.1', replicas: 2 },
};
const tcp: TcpObj = { metadata: { name: 'k1' } };
const ctx = { clusterLive: true, infraReady: true, tcp, dataStoreExists: true };

/** Apply steps the way the controller does until nothing is left. */
function settle(kcp: KcpObj, c = ctx): { kcp: KcpObj; ids: string[] } {
  let cur = kcp;
  const ids: string[] = [];
  for (let i = 0; i < 20; i++) {
    const step = nextKcpStep(cur, c, now);
    if (!step) break;
    ids.push(step.id.split(':')[0] ?? '');
    cur = {
      ...cur,
      spec: step.publishEndpoint
        ? { ...cur.spec, controlPlaneEndpoint: { host: 'h', port: 6443 } }
        : cur.spec,
      status: step.status,
    };
  }
  return { kcp: cur, ids };
}

describe('nextKcpStep', () => {
  it("fails like Kamaji's webhook while the DataStore is missing, once, and recovers", () => {
    const kcp: KcpObj = {
      ...base,
      spec: { ...base.spec, dataStoreName: 'tenant-x' },
      status: { ready: false },
    };
    const missing = { ...ctx, tcp: undefined, dataStoreExists: false };
    const step = nextKcpStep(kcp, missing, now);
    expect(step?.createTcp).toBeUndefined();
    const created = step?.status.conditions.find((x) => x.type === 'TenantControlPlaneCreated');
    expect(created).toMatchObject({
      status: 'False',
      reason: 'Pending',
      message: dataStoreRefusal('tenant-x'),
    });
    expect(created?.message).toContain('tenant-x DataStore does not exist');
    expect(step?.event?.type).toBe('Warning');
    expect(nextKcpStep({ ...kcp, status: step?.status }, missing, now)).toBeUndefined();
    expect(
      nextKcpStep({ ...kcp, status: step?.status }, { ...missing, dataStoreExists: true }, now)
        ?.createTcp,
    ).toBe(true);
  });

  it('waits for a live cluster and its infrastructure', () => {
    expect(nextKcpStep(base, { ...ctx, clusterLive: false }, now)).toBeUndefined();
    const first = nextKcpStep(base, { ...ctx, infraReady: false }, now);
    expect(first?.status).toMatchObject({
      ready: false,
      externalManagedControlPlane: true,
      version: 'v1.34.1',
    });
    expect(
      nextKcpStep({ ...base, status: first?.status }, { ...ctx, infraReady: false }, now),
    ).toBeUndefined();
  });

  it('creates the TCP, publishes the endpoint, initializes, becomes ready', () => {
    const noTcp = nextKcpStep(
      { ...base, status: { ready: false } },
      { ...ctx, tcp: undefined },
      now,
    );
    expect(noTcp?.createTcp).toBe(true);
    const { kcp, ids } = settle(base);
    expect(ids).toEqual(['init', 'endpoint', 'initialize', 'ready']);
    expect(kcp.status).toMatchObject({
      ready: true,
      version: 'v1.34.1',
      initialization: { controlPlaneInitialized: true },
      replicas: 2,
      readyReplicas: 2,
      upToDateReplicas: 2,
    });
    expect(kcp.status?.conditions?.find((c) => c.type === 'Available')?.status).toBe('True');
  });

  it('upgrades through a short Upgrading state', () => {
    const { kcp } = settle(base);
    const next = { ...kcp, spec: { ...kcp.spec, version: 'v1.35.0' } };
    const start = nextKcpStep(next, ctx, now);
    expect(start?.tcpVersion).toEqual({ status: 'Upgrading', version: 'v1.34.1' });
    expect(start?.status.upToDateReplicas).toBe(0);
    const { kcp: done, ids } = settle(next);
    expect(ids).toEqual(['upgrade-start', 'upgrade']);
    expect(done.status?.version).toBe('v1.35.0');
    expect(done.status?.upToDateReplicas).toBe(2);
  });

  it('follows replica changes', () => {
    const { kcp } = settle(base);
    const { kcp: scaled } = settle({ ...kcp, spec: { ...kcp.spec, replicas: 3 } });
    expect(scaled.status).toMatchObject({ replicas: 3, readyReplicas: 3 });
  });
});

describe('tcpFor', () => {
  it('is owned by the KCP and carries the version', () => {
    const t = tcpFor(base, 'k1') as unknown as {
      metadata: { ownerReferences: unknown[] };
      spec: { kubernetes: unknown };
    };
    expect(t.metadata.ownerReferences[0]).toMatchObject({
      kind: 'KamajiControlPlane',
      uid: 'kcp',
      controller: true,
    });
    expect(t.spec.kubernetes).toEqual({ version: 'v1.34.1', kubelet: { cgroupfs: 'systemd' } });
  });
});
