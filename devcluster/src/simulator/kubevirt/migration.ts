// Live migration as KubeVirt v1.9.0 runs it, as pure functions: virt-handler's LiveMigratable
// condition (pkg/virt-handler/vm.go calculateLiveMigrationCondition / checkVolumesForMigration),
// virt-controller's migration phases (pkg/virt-controller/watch/migration/migration.go
// updateStatus / processMigrationPhase) and the two virt-handlers' part (migration-source.go,
// migration-target.go), one write per step so a person can watch the phases go by.
import { createHash } from 'node:crypto';

import type {
  KubevirtCondition,
  MigrationState,
  NodeObj,
  PvcObj,
  VmiObj,
  VmimObj,
} from '../kinds.ts';

export const MIGRATION_FINALIZER = 'kubevirt.io/migrationJobFinalize';
export const MIGRATION_SELECTOR_LABEL = 'kubevirt.io/vmi-name';
export const MIGRATION_TARGET_NODE_LABEL = 'kubevirt.io/migrationTargetNodeName';
export const NODE_NAME_LABEL = 'kubevirt.io/nodeName';

/** virt-handler's verdict on a VMI's volumes; `block` means local disks are copied too. */
export interface Migratability {
  condition: KubevirtCondition;
  method: 'BlockMigration' | 'LiveMigration';
}

const notShared = (claim: string) =>
  `cannot migrate VMI: PVC ${claim} is not shared, live migration requires that all PVCs must be shared (using ReadWriteMany access mode)`;
const unknownShare = (claim: string) =>
  `cannot migrate VMI: Unable to determine if PVC ${claim} is shared, live migration requires that all PVCs must be shared (using ReadWriteMany access mode)`;

/**
 * checkVolumesForMigration: every PVC/DataVolume must be ReadWriteMany; a hostDisk must be
 * shared; other volumes (containerDisk, cloudInit, emptyDisk …) are copied (block migration).
 * Network, CPU model, host devices, SEV/TDX are out of the simulator's reach and pass.
 */
export function migratability(
  vmi: VmiObj,
  pvc: (name: string) => PvcObj | undefined,
): Migratability {
  let block = false;
  let error: string | undefined;
  const disks =
    (vmi.spec.domain.devices as { disks?: { name: string; cdrom?: { readonly?: boolean } }[] })
      ?.disks ?? [];
  for (const v of vmi.spec.volumes ?? []) {
    const claim = v.persistentVolumeClaim?.claimName ?? v.dataVolume?.name;
    if (claim) {
      const p = pvc(claim);
      if (!p) error ??= unknownShare(claim);
      else if (!(p.spec.accessModes ?? []).includes('ReadWriteMany')) error ??= notShared(claim);
      if (error) break;
    } else if (v.hostDisk) {
      if (!v.hostDisk.shared) {
        error = 'cannot migrate VMI with non-shared HostDisk';
        break;
      }
    } else {
      const disk = disks.find((d) => d.name === v.name);
      // A read-only CD-ROM needs no copy.
      if (!(disk?.cdrom && disk.cdrom.readonly !== false)) block = true;
    }
  }
  const method = error || block ? 'BlockMigration' : 'LiveMigration';
  return {
    method,
    condition: error
      ? {
          type: 'LiveMigratable',
          status: 'False',
          reason: 'DisksNotLiveMigratable',
          message: error,
        }
      : { type: 'LiveMigratable', status: 'True' },
  };
}

/** The cluster-wide defaults virt-controller copies into migrationState.migrationConfiguration
 * (pkg/virt-config/configuration.go defaults; no MigrationPolicy matches here). */
export const defaultMigrationConfiguration = {
  allowAutoConverge: false,
  allowPostCopy: false,
  bandwidthPerMigration: '0Mi',
  completionTimeoutPerGiB: 150,
  maxDowntimeMs: 900,
  nodeDrainTaintKey: 'kubevirt.io/drain',
  parallelMigrationsPerCluster: 5,
  parallelOutboundMigrationsPerNode: 2,
  progressTimeout: 150,
  unsafeMigrationOverride: false,
  utilityVolumesTimeout: 150,
} as const;

export const isFinalMigration = (m: VmimObj): boolean =>
  m.status?.phase === 'Succeeded' || m.status?.phase === 'Failed';

/** The target virt-launcher pod's name: virt-launcher-<vmi>-<5 chars>, stable per migration. */
export function targetPodName(m: VmimObj): string {
  const h = createHash('sha256')
    .update(m.metadata.uid ?? m.metadata.name)
    .digest('hex');
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  const suffix = Array.from(
    { length: 5 },
    (_, i) => alphabet[parseInt(h.slice(i * 2, i * 2 + 2), 16) % alphabet.length],
  ).join('');
  return `virt-launcher-${m.spec.vmiName}-${suffix}`;
}

export interface MigrationEvent {
  on: 'migration' | 'vmi';
  type?: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

/** One write: a migration status change, a VMI patch, or both (controller then handler). */
export interface MigrationStep {
  id: string;
  /** Seconds before the step (scaled by --speed). */
  after: number;
  phase?: string;
  /** Conditions to add to the migration's status. */
  addConditions?: KubevirtCondition[];
  /** Merged over vmi.status.migrationState (replacing it when `newState`). */
  vmiState?: MigrationState;
  newState?: boolean;
  /** Other VMI changes that go with the state (node switch, labels). */
  vmiPatch?: { nodeName?: string; labels?: Record<string, string | null> };
  /** Adopt: add the finalizer and selector label, as virt-api's mutating webhook does. */
  adopt?: boolean;
  /** Copy the VMI's migrationState into the migration and drop the finalizer. */
  finalize?: boolean;
  /** Remember the picked target node until the hand-off writes it to the VMI. */
  reserveNode?: string;
  events?: MigrationEvent[];
}

export interface MigrationWorld {
  vmi: VmiObj | undefined;
  /** Other migrations of the same VMI in the namespace. */
  others: VmimObj[];
  nodes: NodeObj[];
  schedulable: (n: NodeObj) => boolean;
  /** The node picked earlier for this migration, if the hand-off hasn't happened yet. */
  reservedNode?: string;
  /** The unschedulable warning was already recorded for this migration. */
  warnedUnschedulable: boolean;
  now: string;
}

export const delays = {
  adopt: 0.1,
  phase: 0.4,
  prepare: 0.8,
  transfer: 3,
  finish: 0.5,
  /** virt-controller's defaultUnschedulablePendingTimeoutSeconds. */
  unschedulableTimeout: 300,
};

const cond = (type: string, status = 'True'): KubevirtCondition => ({
  type,
  status,
  lastProbeTime: new Date().toISOString(),
});

const isVmiFinal = (vmi: VmiObj) =>
  vmi.status?.phase === 'Succeeded' || vmi.status?.phase === 'Failed';

function blockingCondition(vmi: VmiObj): KubevirtCondition | undefined {
  return vmi.status?.conditions?.find((c) => c.type === 'LiveMigratable' && c.status === 'False');
}

/** The next thing virt-controller or a virt-handler does for this migration, if anything. */
export function decideMigration(m: VmimObj, w: MigrationWorld): MigrationStep | undefined {
  const uid = m.metadata.uid ?? m.metadata.name;
  const phase = m.status?.phase ?? '';
  const hasFinalizer = (m.metadata.finalizers ?? []).includes(MIGRATION_FINALIZER);
  const fail = (
    id: string,
    message: string,
    extra: Partial<MigrationStep> = {},
  ): MigrationStep => ({
    id: `${id}:${uid}`,
    after: delays.phase,
    phase: 'Failed',
    events: [{ on: 'migration', type: 'Warning', reason: 'FailedMigration', message }],
    ...extra,
  });

  if (isFinalMigration(m)) {
    return hasFinalizer
      ? { id: `finalize:${uid}`, after: delays.finish, finalize: true }
      : undefined;
  }
  if (
    !m.metadata.deletionTimestamp &&
    (!hasFinalizer || !m.metadata.labels?.[MIGRATION_SELECTOR_LABEL])
  )
    return { id: `adopt:${uid}`, after: delays.adopt, adopt: true };

  const vmi = w.vmi;
  if (!vmi) return fail('no-vmi', 'Migration failed because vmi does not exist.');
  const state = vmi.status?.migrationState;
  const handedOff = state?.migrationUid === uid;
  if (isVmiFinal(vmi)) return fail('vmi-final', 'Migration failed vmi shutdown during migration.');

  if (m.metadata.deletionTimestamp) {
    const abortRequested = m.status?.conditions?.some((c) => c.type === 'AbortRequested');
    if (!handedOff) {
      return fail('canceled', 'Migration failed due to being canceled', {
        addConditions: abortRequested ? [] : [cond('AbortRequested')],
      });
    }
    if (!abortRequested) {
      return {
        id: `abort-requested:${uid}`,
        after: delays.phase,
        addConditions: [cond('AbortRequested')],
        vmiState: { abortRequested: true },
        events: [
          {
            on: 'migration',
            reason: 'SuccessfulAbortMigration',
            message: 'Migration is ready to be canceled by virt-handler.',
          },
        ],
      };
    }
    if (!state.completed) {
      // The source launcher cancels the job; libvirt reports "canceled by client".
      return {
        id: `aborted:${uid}`,
        after: delays.prepare,
        vmiState: {
          abortStatus: 'Succeeded',
          failed: true,
          completed: true,
          endTimestamp: w.now,
          failureReason: 'Live migration has been aborted',
        },
        vmiPatch: { labels: { [MIGRATION_TARGET_NODE_LABEL]: null } },
        events: [
          {
            on: 'vmi',
            reason: 'Migrating',
            message: 'VirtualMachineInstance is aborting migration.',
          },
          {
            on: 'vmi',
            type: 'Warning',
            reason: 'Migrated',
            message: `VirtualMachineInstance migration uid ${uid} failed. reason:Live migration has been aborted`,
          },
        ],
      };
    }
  }

  if (handedOff && state.failed)
    return fail('source-failed', 'source node reported migration failed');

  switch (phase) {
    case '': {
      const holder = state?.migrationUid;
      const busy =
        holder &&
        holder !== uid &&
        w.others.some((o) => o.metadata.uid === holder && !isFinalMigration(o));
      if (busy)
        return fail(
          'busy',
          'VMI is not eligible for migration because another migration job is in progress.',
        );
      // virt-api's migration admitter refuses these at creation; one that got past it fails here.
      const blocked = blockingCondition(vmi);
      if (blocked)
        return fail(
          'not-migratable',
          `Cannot migrate VMI, Reason: ${blocked.reason ?? ''}, Message: ${blocked.message ?? ''}`,
        );
      return { id: `pending:${uid}`, after: delays.phase, phase: 'Pending' };
    }
    case 'Pending':
      if (vmi.status?.phase !== 'Running') return undefined;
      return {
        id: `target-pod:${uid}`,
        after: delays.phase,
        phase: 'Scheduling',
        events: [
          {
            on: 'migration',
            reason: 'SuccessfulCreate',
            message: `Created migration target pod ${targetPodName(m)}`,
          },
        ],
      };
    case 'Scheduling': {
      const source = vmi.status?.nodeName;
      const target =
        w.reservedNode ??
        w.nodes
          .filter((n) => n.metadata.name !== source && w.schedulable(n))
          .map((n) => n.metadata.name)
          .sort()[0];
      if (target)
        return {
          id: `scheduled:${uid}:${target}`,
          after: delays.prepare,
          phase: 'Scheduled',
          reserveNode: target,
        };
      const pod = `${m.metadata.namespace ?? ''}/${targetPodName(m)}`;
      if (!w.warnedUnschedulable) {
        return {
          id: `unschedulable:${uid}`,
          after: delays.phase,
          events: [
            {
              on: 'migration',
              type: 'Warning',
              reason: 'migrationTargetPodUnschedulable',
              message: `Migration target pod for VMI [${vmi.metadata.namespace ?? ''}/${vmi.metadata.name}] is currently unschedulable.`,
            },
          ],
        };
      }
      // The pending pod is deleted after the timeout, and the migration fails without it.
      return fail(
        'unschedulable-timeout',
        'Migration target pod was removed during active migration.',
        {
          after: delays.unschedulableTimeout,
          events: [
            {
              on: 'migration',
              reason: 'SuccessfulDelete',
              message: `unschedulable pod ${pod} timeout period exceeded`,
            },
            {
              on: 'migration',
              type: 'Warning',
              reason: 'FailedMigration',
              message: 'Migration target pod was removed during active migration.',
            },
          ],
        },
      );
    }
    case 'Scheduled':
      if (handedOff)
        return { id: `preparing:${uid}`, after: delays.phase, phase: 'PreparingTarget' };
      if (!w.reservedNode) return undefined;
      return {
        id: `handoff:${uid}`,
        after: delays.phase,
        newState: true,
        vmiState: {
          migrationUid: uid,
          sourceNode: vmi.status?.nodeName,
          targetNode: w.reservedNode,
          targetPod: targetPodName(m),
          migrationConfiguration: { ...defaultMigrationConfiguration },
        },
        vmiPatch: { labels: { [MIGRATION_TARGET_NODE_LABEL]: w.reservedNode } },
        events: [
          {
            on: 'migration',
            reason: 'SuccessfulHandOver',
            message: 'Migration target pod is ready for preparation by virt-handler.',
          },
        ],
      };
    case 'PreparingTarget': {
      if (!handedOff) return undefined;
      if (!state.targetNodeAddress) {
        const address = nodeAddress(w.nodes, state.targetNode);
        return {
          id: `target-listening:${uid}`,
          after: delays.prepare,
          vmiState: { targetNodeAddress: address },
          events: [
            {
              on: 'vmi',
              reason: 'PreparingTarget',
              message: `Migration Target is listening at ${address}, on ports: 49152,49153`,
            },
            {
              on: 'vmi',
              reason: 'PreparingTarget',
              message: 'VirtualMachineInstance Migration Target Prepared.',
            },
          ],
        };
      }
      return { id: `target-ready:${uid}`, after: delays.phase, phase: 'TargetReady' };
    }
    case 'TargetReady':
      if (!handedOff) return undefined;
      if (!state.startTimestamp) {
        return {
          id: `start:${uid}`,
          after: delays.phase,
          vmiState: { startTimestamp: w.now, mode: 'PreCopy' },
          events: [
            { on: 'vmi', reason: 'Migrating', message: 'VirtualMachineInstance is migrating.' },
          ],
        };
      }
      return { id: `running:${uid}`, after: delays.phase, phase: 'Running' };
    case 'Running':
      if (!handedOff) return undefined;
      if (!state.completed) {
        const target = state.targetNode ?? '';
        return {
          id: `completed:${uid}`,
          after: delays.transfer,
          vmiState: {
            targetNodeDomainDetected: true,
            targetNodeDomainReadyTimestamp: w.now,
            endTimestamp: w.now,
            completed: true,
          },
          vmiPatch: {
            nodeName: target,
            labels: { [NODE_NAME_LABEL]: target, [MIGRATION_TARGET_NODE_LABEL]: null },
          },
          events: [
            {
              on: 'vmi',
              reason: 'Migrated',
              message: `The VirtualMachineInstance migrated to node ${target}.`,
            },
          ],
        };
      }
      return {
        id: `succeeded:${uid}`,
        after: delays.phase,
        phase: 'Succeeded',
        events: [
          {
            on: 'migration',
            reason: 'SuccessfulMigration',
            message: 'Source node reported migration succeeded',
          },
        ],
      };
    default:
      return undefined;
  }
}

/** The node's InternalIP, as virt-handler advertises its migration address. */
function nodeAddress(nodes: NodeObj[], name: string | undefined): string {
  const n = nodes.find((x) => x.metadata.name === name) as
    (NodeObj & { status?: { addresses?: { type: string; address: string }[] } }) | undefined;
  return n?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '10.0.0.1';
}

/** VMI printableStatus helper: a migration has started and not ended (pkg/util/migrations IsMigrating). */
export function isMigrating(vmi: VmiObj | undefined, now = Date.now()): boolean {
  const s = vmi?.status?.migrationState;
  if (!s?.startTimestamp || Date.parse(s.startTimestamp) > now) return false;
  return !(s.endTimestamp && Date.parse(s.endTimestamp) <= now);
}

/** Appends a phase transition unless that phase already has one (SetVMIMigrationPhaseTransitionTimestamp). */
export function withTransition(
  list: { phase: string; phaseTransitionTimestamp: string }[] | undefined,
  phase: string,
  now: string,
) {
  const l = list ?? [];
  return l.some((t) => t.phase === phase) ? l : [...l, { phase, phaseTransitionTimestamp: now }];
}
