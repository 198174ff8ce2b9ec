import { describe, expect, it } from 'vitest';

import type { DataVolumeObj, NodeObj, VmiObj, VmObj } from '../kinds.ts';
import {
  dataVolumeFor,
  dataVolumesState,
  guestOsFor,
  macFor,
  nextVmAction,
  nextVmiStep,
  pickIp,
  pickNode,
  printableStatus,
  vmiFor,
  vmStatus,
  wantsRunning,
} from './vm.ts';

const vm = (runStrategy: string, status?: VmObj['status']): VmObj => ({
  metadata: { name: 'web', namespace: 't', uid: 'vm-uid', generation: 2 },
  spec: {
    runStrategy,
    preference: { name: 'ubuntu' },
    dataVolumeTemplates: [
      { metadata: { name: 'web-root' }, spec: { source: { registry: { url: 'docker://x' } } } },
    ],
    template: {
      spec: {
        domain: { devices: {} },
        volumes: [{ name: 'root', dataVolume: { name: 'web-root' } }],
      },
    },
  },
  status,
});
const dv = (phase: string): Map<string, DataVolumeObj> =>
  new Map([['web-root', { metadata: { name: 'web-root' }, spec: {}, status: { phase } }]]);
const vmi = (phase: string, extra: Partial<VmiObj['metadata']> = {}): VmiObj => ({
  metadata: { name: 'web', uid: 'vmi-uid', ...extra },
  spec: { domain: {} },
  status: { phase, conditions: phase === 'Running' ? [{ type: 'Ready', status: 'True' }] : [] },
});

describe('wantsRunning', () => {
  it('follows runStrategy and pending requests', () => {
    expect(wantsRunning(vm('Always'), undefined)).toBe(true);
    expect(wantsRunning(vm('RerunOnFailure'), undefined)).toBe(true);
    expect(wantsRunning(vm('Halted'), undefined)).toBe(false);
    expect(wantsRunning(vm('Manual'), undefined)).toBe(false);
    expect(wantsRunning(vm('Manual'), vmi('Running'))).toBe(true);
    expect(
      wantsRunning(vm('Manual', { stateChangeRequests: [{ action: 'Start' }] }), undefined),
    ).toBe(true);
    expect(
      wantsRunning(
        vm('Always', { stateChangeRequests: [{ action: 'Stop', uid: 'vmi-uid' }] }),
        vmi('Running'),
      ),
    ).toBe(false);
    expect(
      wantsRunning(
        { ...vm('x'), spec: { ...vm('x').spec, runStrategy: undefined, running: true } },
        undefined,
      ),
    ).toBe(true);
  });
});

describe('nextVmAction', () => {
  it('creates the template DataVolumes first, even for a halted VM', () => {
    expect(nextVmAction(vm('Halted'), undefined, new Map())).toEqual({
      kind: 'createDataVolume',
      name: 'web-root',
    });
  });
  it('starts only when the disks are imported', () => {
    expect(nextVmAction(vm('Always'), undefined, dv('ImportInProgress'))).toBeUndefined();
    expect(nextVmAction(vm('Always'), undefined, dv('Succeeded'))).toEqual({
      kind: 'createInstance',
    });
  });
  it('stops a running instance when halted, and restarts on a Stop request', () => {
    expect(nextVmAction(vm('Halted'), vmi('Running'), dv('Succeeded'))).toEqual({
      kind: 'deleteInstance',
    });
    const restart = vm('Always', {
      stateChangeRequests: [{ action: 'Stop', uid: 'vmi-uid' }, { action: 'Start' }],
    });
    expect(nextVmAction(restart, vmi('Running'), dv('Succeeded'))).toEqual({
      kind: 'deleteInstance',
    });
    expect(
      nextVmAction(vm('Halted'), vmi('Running', { deletionTimestamp: 'now' }), dv('Succeeded')),
    ).toBeUndefined();
  });
});

describe('printable status', () => {
  it('walks Provisioning → Starting → Running → Stopping → Stopped', () => {
    expect(printableStatus(vm('Always'), undefined, 'provisioning')).toBe('Provisioning');
    expect(printableStatus(vm('Always'), undefined, 'ready')).toBe('Starting');
    expect(printableStatus(vm('Always'), vmi('Scheduled'), 'ready')).toBe('Starting');
    expect(printableStatus(vm('Always'), vmi('Running'), 'ready')).toBe('Running');
    expect(printableStatus(vm('Halted'), vmi('Running'), 'ready')).toBe('Stopping');
    expect(printableStatus(vm('Halted'), undefined, 'ready')).toBe('Stopped');
    expect(printableStatus(vm('Always'), undefined, 'failed')).toBe('DataVolumeError');
  });
  it('puts Migrating and Paused before Running, as setPrintableStatus orders them', () => {
    const paused = vmi('Running');
    paused.status?.conditions?.push({ type: 'Paused', status: 'True', reason: 'PausedByUser' });
    expect(printableStatus(vm('Always'), paused, 'ready')).toBe('Paused');
    const migrating = vmi('Running');
    if (migrating.status)
      migrating.status.migrationState = {
        startTimestamp: new Date(Date.now() - 1000).toISOString(),
      };
    expect(printableStatus(vm('Always'), migrating, 'ready')).toBe('Migrating');
    // The VM carries the VMI's conditions (syncConditions), Ready copied as is.
    const s = vmStatus(vm('Always'), paused, 'ready');
    expect(s.conditions.map((c) => c.type)).toEqual(['Ready', 'Paused']);
  });
  it('shows DataVolumeError when an importer stopped on an error', () => {
    const failing = new Map([
      [
        'web-root',
        {
          metadata: { name: 'web-root' },
          spec: {},
          status: {
            phase: 'ImportInProgress',
            conditions: [{ type: 'Running', status: 'False', reason: 'Error', message: 'x' }],
          },
        },
      ],
    ]);
    expect(printableStatus(vm('Always'), undefined, dataVolumesState(vm('Always'), failing))).toBe(
      'DataVolumeError',
    );
  });
  it('reports ready, created and drops requests that took effect', () => {
    const s = vmStatus(
      vm('Always', { stateChangeRequests: [{ action: 'Stop' }, { action: 'Start' }] }),
      undefined,
      'ready',
    );
    expect(s.stateChangeRequests).toEqual([{ action: 'Start' }]);
    const running = vmStatus(vm('Always'), vmi('Running'), 'ready');
    expect(running).toMatchObject({
      ready: true,
      created: true,
      printableStatus: 'Running',
      runStrategy: 'Always',
    });
    expect(running.conditions[0]).toMatchObject({ type: 'Ready', status: 'True' });
    expect(vmStatus(vm('Halted'), undefined, 'ready').conditions[0]).toMatchObject({
      status: 'False',
      reason: 'VMINotExists',
    });
  });
});

describe('objects', () => {
  it('owns its DataVolumes and instance', () => {
    const d = dataVolumeFor(vm('Always'), 'web-root');
    expect(d?.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'VirtualMachine',
      uid: 'vm-uid',
      controller: true,
    });
    const i = vmiFor(vm('Always'), {
      metadata: { name: 'u1.small' },
      spec: { cpu: { guest: 2 }, memory: { guest: '4Gi' } },
    });
    expect(i.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'VirtualMachine',
      uid: 'vm-uid',
    });
    expect((i.spec as { domain: unknown }).domain).toMatchObject({
      cpu: { sockets: 2 },
      memory: { guest: '4Gi' },
    });
  });
  it('guesses the guest OS from the preference', () => {
    expect(guestOsFor(vm('Always'))?.id).toBe('ubuntu');
  });
});

describe('placement', () => {
  const node = (
    name: string,
    ready = true,
    kwok = true,
    taints: { key: string; effect: string }[] = [],
  ): NodeObj => ({
    metadata: { name, annotations: kwok ? { 'kwok.x-k8s.io/node': 'fake' } : {} },
    spec: { taints },
    status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'Unknown' }] },
  });
  it('picks the least loaded Ready kwok node', () => {
    const nodes = [
      node('a'),
      node('b'),
      node('c', false),
      node('d', true, false),
      node('e', true, true, [{ key: 'x', effect: 'NoSchedule' }]),
    ];
    expect(pickNode(nodes, new Map())).toBe('a');
    expect(
      pickNode(
        nodes,
        new Map([
          ['a', 2],
          ['b', 1],
        ]),
      ),
    ).toBe('b');
    expect(pickNode([node('c', false)], new Map())).toBeUndefined();
  });
  it('hands out unique, stable addresses in 10.244.128.0/17', () => {
    const a = pickIp('uid-1', new Set());
    expect(a).toMatch(/^10\.244\.(1[2-9]\d|2[0-5]\d)\.\d+$/);
    expect(pickIp('uid-1', new Set())).toBe(a);
    const b = pickIp('uid-1', new Set([a ?? '']));
    expect(b).not.toBe(a);
    expect(macFor('uid-1')).toMatch(/^02(:[0-9a-f]{2}){5}$/);
  });
  it('moves an instance Pending → Scheduling → Scheduled → Running', () => {
    const pick = { node: () => 'a', ip: () => '10.244.200.1' };
    expect(nextVmiStep(vmi('Pending'), pick)).toEqual({ kind: 'phase', phase: 'Scheduling' });
    expect(nextVmiStep(vmi('Scheduling'), pick)).toEqual({ kind: 'schedule', node: 'a' });
    expect(nextVmiStep(vmi('Scheduled'), pick)).toEqual({ kind: 'run', ip: '10.244.200.1' });
    expect(nextVmiStep(vmi('Running'), pick)).toBeUndefined();
    expect(nextVmiStep(vmi('Scheduling'), { ...pick, node: () => undefined })).toBeUndefined();
  });
});
