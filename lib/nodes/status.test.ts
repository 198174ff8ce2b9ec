import { describe, expect, it } from 'vitest';

import type { MachineObject } from '../clusters/types';
import type { VmiObject } from '../vms/types';
import {
  affectedBy,
  fencingOf,
  healthCheckSummary,
  nodeSummary,
  remediationsByNode,
  severity,
  timelineOf,
} from './status';
import type { NodeObject, RemediationObject } from './types';

const notReady: NodeObject = {
  metadata: {
    name: 'node-b6',
    labels: { 'node-role.kubernetes.io/worker': '', 'kubernetes.io/os': 'linux' },
    annotations: {
      'fencing/enabled': 'true',
      'fencing/state': 'started',
      'fencing/timestamp': '1700000000',
    },
  },
  spec: {
    unschedulable: true,
    taints: [
      { key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
    ],
  },
  status: {
    conditions: [
      {
        type: 'Ready',
        status: 'Unknown',
        reason: 'NodeStatusUnknown',
        message: 'Kubelet stopped posting node status.',
        lastTransitionTime: '2026-01-01T00:00:00Z' as unknown as Date,
      },
    ],
  },
};

describe('nodeSummary', () => {
  it('reads readiness, roles, cordon, the out-of-service taint and kube-fencing', () => {
    const s = nodeSummary(notReady);
    expect(s.ready).toBe('Unknown');
    expect(s.readySince).toBe('2026-01-01T00:00:00Z');
    expect(s.readyReason).toBe('NodeStatusUnknown');
    expect(s.roles).toEqual(['worker']);
    expect(s.cordoned).toBe(true);
    expect(s.outOfService).toBe(true);
    expect(s.taints.map((t) => t.outOfService)).toEqual([true, false]);
    expect(s.fencing).toEqual({
      enabled: true,
      state: 'started',
      since: '2023-11-14T22:13:20.000Z',
    });
    expect(severity(s)).toBe(0);
  });

  it('says Ready and NotReady by the Ready condition', () => {
    const ready = nodeSummary({
      metadata: { name: 'a' },
      status: { conditions: [{ type: 'Ready', status: 'True' }] },
    });
    expect(ready.ready).toBe('Ready');
    expect(ready.outOfService).toBe(false);
    expect(severity(ready)).toBe(3);
    expect(
      nodeSummary({
        metadata: { name: 'a' },
        status: { conditions: [{ type: 'Ready', status: 'False' }] },
      }).ready,
    ).toBe('NotReady');
  });

  it('has no fencing state without the annotations', () => {
    expect(fencingOf({ metadata: {} })).toEqual({ enabled: false });
  });
});

const far = (
  name: string,
  succeeded: 'True' | 'False' | 'Unknown',
  labels = {},
): RemediationObject => ({
  metadata: {
    name,
    namespace: 'medik8s',
    labels,
    annotations: { 'remediation.medik8s.io/node-name': name },
    creationTimestamp: '2026-01-01T00:00:00Z',
  },
  status: {
    conditions: [
      {
        type: 'Succeeded',
        status: succeeded,
        reason: 'X',
        lastTransitionTime: '2026-01-01T00:02:00Z',
      },
      {
        type: 'Processing',
        status: 'True',
        reason: 'RemediationStarted',
        lastTransitionTime: '2026-01-01T00:01:00Z',
      },
    ],
  },
});

describe('remediations', () => {
  it('groups by node, with state, origin and the conditions in time order', () => {
    const by = remediationsByNode(
      [far('node-b6', 'Unknown', { 'app.kubernetes.io/part-of': 'node-healthcheck-controller' })],
      [far('node-a1', 'True')],
    );
    const r = by.get('node-b6')?.[0];
    expect(r?.state).toBe('InProgress');
    expect(r?.byHealthCheck).toBe(true);
    expect(r?.timeline.map((e) => e.type)).toEqual(['Processing', 'Succeeded']);
    expect(by.get('node-a1')?.[0]?.kind).toBe('SelfNodeRemediation');
    expect(by.get('node-a1')?.[0]?.state).toBe('Succeeded');
    expect(by.get('node-a1')?.[0]?.byHealthCheck).toBe(false);
  });

  it('orders conditions without a time last', () => {
    expect(
      timelineOf([
        { type: 'B', status: 'True', lastTransitionTime: '2026-01-02T00:00:00Z' },
        { type: 'A', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' },
      ]).map((e) => e.type),
    ).toEqual(['A', 'B']);
  });
});

describe('healthCheckSummary', () => {
  it('reads phase, counts, in-flight remediations, pause requests and the FAR template', () => {
    const s = healthCheckSummary({
      metadata: { name: 'workers' },
      spec: {
        pauseRequests: ['paused by oscar@example.com'],
        remediationTemplate: {
          kind: 'FenceAgentsRemediationTemplate',
          name: 'ipmi',
          namespace: 'medik8s',
        },
      },
      status: {
        phase: 'Paused',
        observedNodes: 6,
        healthyNodes: 5,
        unhealthyNodes: [{ name: 'node-b6', remediations: [{ started: '2026-01-01T00:00:00Z' }] }],
      },
    });
    expect(s).toMatchObject({
      phase: 'Paused',
      observed: 6,
      healthy: 5,
      unhealthy: ['node-b6'],
      inFlight: [{ node: 'node-b6', since: '2026-01-01T00:00:00Z' }],
      paused: true,
      farTemplate: { namespace: 'medik8s', name: 'ipmi' },
    });
  });
});

describe('affectedBy', () => {
  const vmi = (ns: string, name: string, node: string): VmiObject => ({
    metadata: { namespace: ns, name },
    status: { phase: 'Running', nodeName: node, conditions: [{ type: 'Ready', status: 'True' }] },
  });
  it('finds the VMs on the node and the cluster workers they are', () => {
    const machine: MachineObject = {
      metadata: { namespace: 'tenant-acme', name: 'web-md-abc' },
      spec: {
        clusterName: 'web',
        infrastructureRef: { kind: 'KubevirtMachine', name: 'web-md-abc' },
      } as MachineObject['spec'],
      status: { phase: 'Running' },
    };
    const other: MachineObject = {
      metadata: { namespace: 'tenant-acme', name: 'web-md-xyz' },
      spec: {
        infrastructureRef: { kind: 'KubevirtMachine', name: 'web-md-xyz' },
      } as MachineObject['spec'],
    };
    const a = affectedBy(
      'node-b6',
      [
        vmi('tenant-acme', 'web-md-abc', 'node-b6'),
        vmi('tenant-acme', 'web-md-xyz', 'node-a1'),
        vmi('tenant-beta', 'db', 'node-b6'),
      ],
      [machine, other],
    );
    expect(a.vms.map((v) => `${v.namespace}/${v.name}`)).toEqual([
      'tenant-acme/web-md-abc',
      'tenant-beta/db',
    ]);
    expect(a.workers).toEqual([
      {
        namespace: 'tenant-acme',
        machine: 'web-md-abc',
        cluster: 'web',
        phase: 'Running',
        vm: 'web-md-abc',
      },
    ]);
  });
});
