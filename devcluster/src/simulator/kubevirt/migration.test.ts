import { describe, expect, it } from 'vitest';

import type { NodeObj, PvcObj, VmiObj, VmimObj } from '../kinds.ts';
import {
  decideMigration,
  isMigrating,
  migratability,
  MIGRATION_FINALIZER,
  MIGRATION_SELECTOR_LABEL,
  type MigrationWorld,
} from './migration.ts';

const pvc = (name: string, accessModes: string[]): PvcObj => ({
  metadata: { name },
  spec: { accessModes },
});
const vmi = (volumes: VmiObj['spec']['volumes'], status: VmiObj['status'] = {}): VmiObj => ({
  metadata: { name: 'web', namespace: 't', uid: 'vmi1' },
  spec: { domain: { devices: {} }, volumes },
  status: { phase: 'Running', nodeName: 'node-a1', ...status },
});
const node = (name: string, ready = true): NodeObj => ({
  metadata: { name, annotations: { 'kwok.x-k8s.io/node': 'fake' } },
  status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});
const schedulable = (n: NodeObj) =>
  n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

describe('migratability', () => {
  const claims = new Map([
    ['rwx', pvc('rwx', ['ReadWriteMany'])],
    ['rwo', pvc('rwo', ['ReadWriteOnce'])],
  ]);
  const get = (n: string) => claims.get(n);

  it('allows shared claims, and copies container disks and cloud-init (block migration)', () => {
    expect(migratability(vmi([{ name: 'root', dataVolume: { name: 'rwx' } }]), get)).toEqual({
      method: 'LiveMigration',
      condition: { type: 'LiveMigratable', status: 'True' },
    });
    const m = migratability(
      vmi([
        { name: 'root', containerDisk: { image: 'quay.io/containerdisks/fedora:42' } },
        { name: 'cloudinit', cloudInitNoCloud: {} },
      ]),
      get,
    );
    expect(m).toMatchObject({ method: 'BlockMigration', condition: { status: 'True' } });
  });

  it("refuses a ReadWriteOnce claim with virt-handler's message", () => {
    const m = migratability(vmi([{ name: 'root', dataVolume: { name: 'rwo' } }]), get);
    expect(m.condition).toEqual({
      type: 'LiveMigratable',
      status: 'False',
      reason: 'DisksNotLiveMigratable',
      message:
        'cannot migrate VMI: PVC rwo is not shared, live migration requires that all PVCs must be shared (using ReadWriteMany access mode)',
    });
  });

  it('refuses unknown claims and non-shared host disks', () => {
    expect(
      migratability(vmi([{ name: 'x', persistentVolumeClaim: { claimName: 'gone' } }]), get)
        .condition.message,
    ).toContain('Unable to determine if PVC gone is shared');
    expect(
      migratability(vmi([{ name: 'h', hostDisk: { path: '/d', type: 'Disk' } }]), get).condition
        .message,
    ).toBe('cannot migrate VMI with non-shared HostDisk');
  });
});

/** Runs the step function as the controller would, applying each step to local copies. */
function walk(start: VmimObj, startVmi: VmiObj | undefined, nodes: NodeObj[], max = 40) {
  let m = start;
  let v = startVmi;
  let reserved: string | undefined;
  let warned = false;
  const phases: string[] = [];
  const events: string[] = [];
  for (let i = 0; i < max; i++) {
    const world: MigrationWorld = {
      vmi: v,
      others: [],
      nodes,
      schedulable,
      reservedNode: reserved,
      warnedUnschedulable: warned,
      now: new Date(Date.now() - 1000).toISOString(),
    };
    const s = decideMigration(m, world);
    if (!s) break;
    if (s.adopt)
      m = {
        ...m,
        metadata: {
          ...m.metadata,
          finalizers: [MIGRATION_FINALIZER],
          labels: { [MIGRATION_SELECTOR_LABEL]: m.spec.vmiName },
        },
      };
    if (s.reserveNode) reserved = s.reserveNode;
    if (s.id.startsWith('unschedulable:')) warned = true;
    if (v && s.vmiState) {
      const state = { ...(s.newState ? {} : (v.status?.migrationState ?? {})), ...s.vmiState };
      v = {
        ...v,
        status: {
          ...v.status,
          migrationState: state,
          ...(s.vmiPatch?.nodeName ? { nodeName: s.vmiPatch.nodeName } : {}),
        },
      };
    }
    if (s.phase) {
      phases.push(s.phase);
      m = { ...m, status: { ...m.status, phase: s.phase } };
    }
    if (s.addConditions?.length)
      m = {
        ...m,
        status: { ...m.status, conditions: [...(m.status?.conditions ?? []), ...s.addConditions] },
      };
    if (s.finalize) m = { ...m, metadata: { ...m.metadata, finalizers: [] } };
    for (const e of s.events ?? []) events.push(`${e.reason}: ${e.message}`);
  }
  return { m, vmi: v, phases, events };
}

const migration = (extra: Partial<VmimObj['metadata']> = {}): VmimObj => ({
  metadata: { name: 'mig', namespace: 't', uid: 'mig1', ...extra },
  spec: { vmiName: 'web' },
});
const shared = vmi([{ name: 'root', dataVolume: { name: 'rwx' } }], {
  conditions: [{ type: 'LiveMigratable', status: 'True' }],
});

describe('decideMigration', () => {
  it('walks Pending → … → Succeeded and moves the VMI to the target node', () => {
    const r = walk(migration(), shared, [node('node-a1'), node('node-a2')]);
    expect(r.phases).toEqual([
      'Pending',
      'Scheduling',
      'Scheduled',
      'PreparingTarget',
      'TargetReady',
      'Running',
      'Succeeded',
    ]);
    expect(r.vmi?.status?.nodeName).toBe('node-a2');
    expect(r.vmi?.status?.migrationState).toMatchObject({
      migrationUid: 'mig1',
      sourceNode: 'node-a1',
      targetNode: 'node-a2',
      completed: true,
      mode: 'PreCopy',
    });
    expect(r.vmi?.status?.migrationState?.targetPod).toMatch(/^virt-launcher-web-[a-z0-9]{5}$/);
    expect(r.events).toContain('Migrated: The VirtualMachineInstance migrated to node node-a2.');
    expect(r.events).toContain('SuccessfulMigration: Source node reported migration succeeded');
    expect(r.m.metadata.finalizers).toEqual([]);
  });

  it('fails a migration of a VMI that is not live-migratable, with the admitter’s words', () => {
    const rwo = vmi([{ name: 'root', dataVolume: { name: 'rwo' } }], {
      conditions: [
        {
          type: 'LiveMigratable',
          status: 'False',
          reason: 'DisksNotLiveMigratable',
          message: 'cannot migrate VMI: PVC rwo is not shared, …',
        },
      ],
    });
    const r = walk(migration(), rwo, [node('node-a1'), node('node-a2')]);
    expect(r.phases).toEqual(['Failed']);
    expect(r.events).toContain(
      'FailedMigration: Cannot migrate VMI, Reason: DisksNotLiveMigratable, Message: cannot migrate VMI: PVC rwo is not shared, …',
    );
    expect(r.vmi?.status?.nodeName).toBe('node-a1');
  });

  it('waits in Scheduling with a warning when no other node is Ready, then gives up', () => {
    const r = walk(migration(), shared, [node('node-a1'), node('node-a2', false)]);
    expect(r.phases).toEqual(['Pending', 'Scheduling', 'Failed']);
    expect(r.events).toContain(
      'migrationTargetPodUnschedulable: Migration target pod for VMI [t/web] is currently unschedulable.',
    );
    expect(r.events).toContain(
      'FailedMigration: Migration target pod was removed during active migration.',
    );
  });

  it('aborts a running migration on delete and leaves the VMI where it was', () => {
    // Walk up to Running, then delete.
    const up = walk(migration(), shared, [node('node-a1'), node('node-a2')], 10);
    expect(up.m.status?.phase).toBe('Running');
    const deleting = { ...up.m, metadata: { ...up.m.metadata, deletionTimestamp: 'now' } };
    const r = walk(deleting, up.vmi, [node('node-a1'), node('node-a2')]);
    expect(r.phases).toEqual(['Failed']);
    expect(r.vmi?.status?.nodeName).toBe('node-a1');
    expect(r.vmi?.status?.migrationState).toMatchObject({
      abortStatus: 'Succeeded',
      failed: true,
      failureReason: 'Live migration has been aborted',
    });
    expect(r.m.status?.conditions?.map((c) => c.type)).toEqual(['AbortRequested']);
    expect(r.events).toContain('FailedMigration: source node reported migration failed');
    expect(r.m.metadata.finalizers).toEqual([]);
  });

  it('fails when the VMI is gone or another migration holds it', () => {
    expect(walk(migration(), undefined, []).events).toEqual([
      'FailedMigration: Migration failed because vmi does not exist.',
    ]);
  });
});

describe('isMigrating', () => {
  it('is true between start and end', () => {
    const t = (s: number) => new Date(Date.now() + s * 1000).toISOString();
    expect(isMigrating(vmi([], { migrationState: { startTimestamp: t(-5) } }))).toBe(true);
    expect(
      isMigrating(vmi([], { migrationState: { startTimestamp: t(-5), endTimestamp: t(-1) } })),
    ).toBe(false);
    expect(isMigrating(vmi([]))).toBe(false);
  });
});
