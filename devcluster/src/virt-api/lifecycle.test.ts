import { describe, expect, it } from 'vitest';

import { migrate, pause, restart, start, stop, unpause } from './lifecycle.ts';
import type { Condition, Vm, Vmi } from './types.ts';

const vm = (spec: Vm['spec'], status: Vm['status'] = { printableStatus: 'Stopped' }): Vm => ({
  metadata: { name: 'web', namespace: 't', uid: 'vm-uid' },
  spec,
  status,
});
const vmi = (phase: string, conditions: Condition[] = []): Vmi => ({
  metadata: { name: 'web', namespace: 't', uid: 'vmi-uid', resourceVersion: '7' },
  spec: {},
  status: { phase, conditions },
});

describe('start', () => {
  it('sets a Halted VM to Always, testing the old value', () => {
    const d = start(vm({ runStrategy: 'Halted' }), undefined, {});
    expect(d).toEqual({
      code: 202,
      writes: [
        {
          kind: 'patchVm',
          patch: [
            { op: 'test', path: '/spec/runStrategy', value: 'Halted' },
            { op: 'replace', path: '/spec/runStrategy', value: 'Always' },
          ],
        },
      ],
    });
  });
  it('asks a Manual VM to start with a state change request', () => {
    const d = start(vm({ runStrategy: 'Manual' }), undefined, {});
    expect(d.writes).toEqual([
      {
        kind: 'patchVmStatus',
        patch: [
          { op: 'test', path: '/status/stateChangeRequests', value: null },
          { op: 'add', path: '/status/stateChangeRequests', value: [{ action: 'Start' }] },
        ],
      },
    ]);
  });
  it('refuses a running VM and strategies that start by themselves, with virt-api messages', () => {
    expect(start(vm({ runStrategy: 'Always' }), vmi('Running'), {}).error).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message:
        'Operation cannot be fulfilled on virtualmachine.kubevirt.io "web": VM is already running',
    });
    expect(start(vm({ runStrategy: 'Always' }), undefined, {}).error?.message).toBe(
      'Operation cannot be fulfilled on virtualmachine.kubevirt.io "web": Always does not support manual start requests',
    );
  });
  it('records a Stop and a Start for a finished Manual VM, and a paused start as request data', () => {
    const d = start(vm({ runStrategy: 'Manual' }), vmi('Succeeded'), { paused: true });
    expect(d.writes[0]?.kind === 'patchVmStatus' && d.writes[0].patch[1]?.value).toEqual([
      { action: 'Stop', uid: 'vmi-uid' },
      { action: 'Start', data: { paused: 'true' } },
    ]);
  });
  it('refuses a second request while one is underway', () => {
    const d = start(
      vm({ runStrategy: 'Manual' }, { stateChangeRequests: [{ action: 'Start' }] }),
      undefined,
      {},
    );
    expect(d.error).toMatchObject({
      code: 500,
      message: 'Internal error occurred: unable to complete request: stop/start already underway',
    });
  });
});

describe('stop', () => {
  it('halts an Always VM and asks a Manual one to stop', () => {
    expect(stop(vm({ runStrategy: 'Always' }), vmi('Running'), {}).writes[0]).toMatchObject({
      kind: 'patchVm',
      patch: [{ op: 'test' }, { op: 'replace', path: '/spec/runStrategy', value: 'Halted' }],
    });
    expect(stop(vm({ runStrategy: 'Manual' }), vmi('Running'), {}).writes[0]).toMatchObject({
      kind: 'patchVmStatus',
      patch: [{ op: 'test' }, { op: 'add', value: [{ action: 'Stop', uid: 'vmi-uid' }] }],
    });
  });
  it('forces with gracePeriod 0 by shortening the instance grace period first', () => {
    const d = stop(vm({ runStrategy: 'Halted' }), vmi('Running'), { gracePeriod: 0 });
    expect(d.error).toBeUndefined();
    expect(d.writes.map((w) => w.kind)).toEqual(['patchVmi', 'patchVmStatus']);
  });
  it('refuses a Manual VM that is not running', () => {
    expect(stop(vm({ runStrategy: 'Manual' }), undefined, {}).error?.message).toContain(
      'VM is not running',
    );
  });
});

describe('restart', () => {
  it('records Stop (this instance) then Start, like upstream', () => {
    const d = restart(vm({ runStrategy: 'Always' }), vmi('Running'), {});
    expect(d.writes[0]).toMatchObject({
      kind: 'patchVmStatus',
      patch: [
        { op: 'test' },
        { op: 'add', value: [{ action: 'Stop', uid: 'vmi-uid' }, { action: 'Start' }] },
      ],
    });
  });
  it('refuses Halted VMs, missing instances and a positive grace period', () => {
    expect(restart(vm({ runStrategy: 'Halted' }), undefined, {}).error?.message).toContain(
      'RunStategy Halted does not support manual restart requests',
    );
    expect(restart(vm({ runStrategy: 'Always' }), undefined, {}).error?.message).toContain(
      'VM is not running: Halted',
    );
    expect(
      restart(vm({ runStrategy: 'Always' }), vmi('Running'), { gracePeriodSeconds: 5 }).error,
    ).toMatchObject({
      code: 400,
      message: 'For force restart, only gracePeriod=0 is supported for now',
    });
  });
});

describe('migrate', () => {
  it('creates a migration for a running, live-migratable instance', () => {
    const d = migrate(
      vm({ runStrategy: 'Always' }),
      vmi('Running', [{ type: 'LiveMigratable', status: 'True' }]),
      [],
      {},
    );
    expect(d.writes[0]).toMatchObject({
      kind: 'createMigration',
      body: {
        kind: 'VirtualMachineInstanceMigration',
        metadata: {
          generateName: 'kubevirt-migrate-vm-',
          labels: { 'kubevirt.io/vmi-name': 'web' },
        },
        spec: { vmiName: 'web' },
      },
    });
  });
  it("refuses an instance that can't live-migrate the way the admission webhook does", () => {
    const d = migrate(
      vm({ runStrategy: 'Always' }),
      vmi('Running', [
        {
          type: 'LiveMigratable',
          status: 'False',
          reason: 'DisksNotLiveMigratable',
          message: 'cannot migrate VMI: PVC root is not shared',
        },
      ]),
      [],
      {},
    );
    expect(d.error?.message).toBe(
      'Internal error occurred: admission webhook "migration-create-validator.kubevirt.io" denied the request: Cannot migrate VMI, Reason: DisksNotLiveMigratable, Message: cannot migrate VMI: PVC root is not shared',
    );
  });
  it('refuses an instance that is not running, or already migrating', () => {
    expect(migrate(vm({}), vmi('Scheduled'), [], {}).error?.message).toContain('VM is not running');
    const inFlight = {
      metadata: { name: 'm', uid: 'mig-1' },
      spec: { vmiName: 'web' },
      status: { phase: 'Running' },
    };
    expect(migrate(vm({}), vmi('Running'), [inFlight], {}).error?.message).toContain(
      'in-flight migration detected. Active migration job (mig-1)',
    );
  });
});

describe('pause and unpause', () => {
  it('adds and removes the Paused condition virt-handler reports', () => {
    const running = vmi('Running', [{ type: 'Ready', status: 'True' }]);
    const d = pause(running, '2026-01-01T00:00:00Z');
    expect(d.code).toBe(200);
    expect(d.writes[0]).toMatchObject({
      kind: 'patchVmi',
      patch: [
        { op: 'test', path: '/metadata/resourceVersion', value: '7' },
        {
          op: 'replace',
          path: '/status/conditions',
          value: [{ type: 'Ready' }, { type: 'Paused', status: 'True', reason: 'PausedByUser' }],
        },
      ],
    });
    const paused = vmi('Running', [
      { type: 'Ready', status: 'True' },
      { type: 'Paused', status: 'True' },
    ]);
    expect(pause(paused, '').error?.message).toContain('VMI is already paused');
    expect(unpause(undefined, paused).writes[0]).toMatchObject({
      patch: [{}, { value: [{ type: 'Ready', status: 'True' }] }],
    });
    expect(unpause(undefined, running).error?.message).toContain('VMI is not paused');
    expect(pause(vmi('Scheduled'), '').error?.message).toContain('VM is not running');
  });
});
