import { describe, expect, it } from 'vitest';

import type { MachineDeploymentObj, MachineObj } from '../kinds.ts';
import { isReady, machineFor, mdStatus, nextMachineStep, nextScaleStep } from './machines.ts';

const now = '2026-01-01T00:00:00Z';
const md = (replicas: number, version = 'v1.34.1'): MachineDeploymentObj => ({
  metadata: {
    name: 'k1-md',
    namespace: 't',
    uid: 'md-uid',
    labels: { 'stratus.dev/cluster': 'k1' },
  },
  spec: {
    clusterName: 'k1',
    replicas,
    selector: {
      matchLabels: {
        'cluster.x-k8s.io/cluster-name': 'k1',
        'cluster.x-k8s.io/deployment-name': 'k1-md',
      },
    },
    template: {
      spec: {
        clusterName: 'k1',
        version,
        bootstrap: {
          configRef: {
            apiGroup: 'bootstrap.cluster.x-k8s.io',
            kind: 'KubeadmConfigTemplate',
            name: 'k1-md',
          },
        },
        infrastructureRef: {
          apiGroup: 'infrastructure.cluster.x-k8s.io',
          kind: 'KubevirtMachineTemplate',
          name: 'k1-md',
        },
      },
    },
  },
});
let n = 0;
const machine = (phase: string, version = 'v1.34.1'): MachineObj => {
  n++;
  return {
    metadata: {
      name: `m${n}`,
      uid: `u${n}`,
      creationTimestamp: `2026-01-01T00:00:${String(n).padStart(2, '0')}Z`,
    },
    spec: {
      clusterName: 'k1',
      version,
      bootstrap: {},
      infrastructureRef: { apiGroup: 'x', kind: 'KubevirtMachine', name: 'm' },
    },
    status: { phase },
  };
};

describe('nextScaleStep', () => {
  it('adds machines one at a time up to replicas, and removes extras', () => {
    expect(nextScaleStep(md(2), [])).toEqual({ kind: 'create' });
    expect(nextScaleStep(md(2), [machine('Running')])).toEqual({ kind: 'create' });
    expect(nextScaleStep(md(2), [machine('Running'), machine('Running')])).toBeUndefined();
    const ms = [machine('Running'), machine('Running'), machine('Provisioning')];
    // Prefer removing one that isn't running yet.
    expect(nextScaleStep(md(2), ms)).toEqual({ kind: 'delete', name: ms[2]?.metadata.name });
  });

  it('rolls a new version with one surge machine at a time', () => {
    const old = [machine('Running', 'v1.33.5'), machine('Running', 'v1.33.5')];
    expect(nextScaleStep(md(2), old)).toEqual({ kind: 'create' });
    const surge = [...old, machine('Provisioning')];
    expect(nextScaleStep(md(2), surge)).toBeUndefined();
    const surged = [...old, machine('Running')];
    expect(nextScaleStep(md(2), surged)).toEqual({ kind: 'delete', name: old[0]?.metadata.name });
  });

  it('does nothing while paused or deleting', () => {
    expect(nextScaleStep({ ...md(2), spec: { ...md(2).spec, paused: true } }, [])).toBeUndefined();
    expect(
      nextScaleStep({ ...md(2), metadata: { ...md(2).metadata, deletionTimestamp: now } }, []),
    ).toBeUndefined();
  });
});

describe('mdStatus', () => {
  it('counts replicas and names the phase', () => {
    const s = mdStatus(md(3), [machine('Running'), machine('Provisioning')], now);
    expect(s).toMatchObject({
      phase: 'ScalingUp',
      replicas: 2,
      readyReplicas: 1,
      availableReplicas: 1,
      upToDateReplicas: 2,
    });
    expect(s.selector).toBe(
      'cluster.x-k8s.io/cluster-name=k1,cluster.x-k8s.io/deployment-name=k1-md',
    );
    expect(s.conditions.find((c) => c.type === 'Available')).toMatchObject({
      status: 'False',
      message: '1 available replicas, at least 3 required',
    });
    expect(mdStatus(md(1), [machine('Running'), machine('Running')], now).phase).toBe(
      'ScalingDown',
    );
    const done = mdStatus(md(2), [machine('Running'), machine('Running')], now);
    expect(done.phase).toBe('Running');
    expect(done.conditions.find((c) => c.type === 'Available')?.status).toBe('True');
  });
});

describe('machines', () => {
  it('are labelled and owned like the MachineSet controller makes them', () => {
    const m = machineFor(md(1), 'k1-md-abcde');
    expect(m.metadata.labels).toMatchObject({
      'cluster.x-k8s.io/cluster-name': 'k1',
      'cluster.x-k8s.io/deployment-name': 'k1-md',
      'stratus.dev/cluster': 'k1',
    });
    expect(m.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'MachineDeployment',
      uid: 'md-uid',
      controller: true,
    });
    expect(m.spec).toMatchObject({
      clusterName: 'k1',
      version: 'v1.34.1',
      infrastructureRef: { kind: 'KubevirtMachine' },
    });
  });

  it('walk Pending → Provisioning → Provisioned → Running, joining only after the control plane', () => {
    const ctx = {
      clusterLive: true,
      cpInitialized: false,
      cniReady: true,
      address: () => '10.244.130.7',
    };
    let m: MachineObj = { ...machine(''), status: undefined };
    const phases: string[] = [];
    for (let i = 0; i < 6; i++) {
      const step = nextMachineStep(m, ctx, now);
      if (!step) break;
      m = { ...m, status: step.status as MachineObj['status'] };
      phases.push(m.status?.phase ?? '');
    }
    expect(phases).toEqual(['Pending', 'Provisioning', 'Provisioned']);
    const run = nextMachineStep(m, { ...ctx, cpInitialized: true }, now);
    expect(run?.status).toMatchObject({ phase: 'Running', nodeRef: { name: m.metadata.name } });
    expect(nextMachineStep(m, { ...ctx, clusterLive: false }, now)).toBeUndefined();
  });

  it("stay NotReady with the runtime's message until the CNI is Ready", () => {
    const ctx = {
      clusterLive: true,
      cpInitialized: true,
      cniReady: false,
      address: () => '10.0.0.1',
    };
    let m: MachineObj = { ...machine(''), status: { phase: 'Provisioned' } };
    const run = nextMachineStep(m, ctx, now);
    m = { ...m, status: run?.status as MachineObj['status'] };
    expect(m.status?.phase).toBe('Running');
    expect(m.status?.conditions?.find((c) => c.type === 'NodeReady')).toMatchObject({
      status: 'False',
      message: expect.stringContaining('cni plugin not initialized'),
    });
    expect(isReady(m)).toBe(false);
    expect(nextMachineStep(m, ctx, now)).toBeUndefined();
    const ready = nextMachineStep(m, { ...ctx, cniReady: true }, now);
    m = { ...m, status: { ...m.status, ...(ready?.status as MachineObj['status']) } };
    expect(isReady(m)).toBe(true);
  });

  it('never join when the kubelet refuses its flags, saying why once', () => {
    const ctx = {
      clusterLive: true,
      cpInitialized: true,
      cniReady: true,
      kubeletError: 'failed to validate kubelet flags: unknown labels',
      address: () => '10.0.0.1',
    };
    let m: MachineObj = { ...machine(''), status: { phase: 'Provisioned' } };
    const step = nextMachineStep(m, ctx, now);
    expect(step?.event).toEqual({
      type: 'Warning',
      reason: 'KubeletFailed',
      message: 'failed to validate kubelet flags: unknown labels',
    });
    m = { ...m, status: { ...m.status, ...(step?.status as MachineObj['status']) } };
    expect(m.status?.phase).toBe('Provisioned');
    expect(m.status?.conditions?.find((c) => c.type === 'NodeReady')?.message).toContain(
      'unknown labels',
    );
    expect(nextMachineStep(m, ctx, now)).toBeUndefined();
  });
});
