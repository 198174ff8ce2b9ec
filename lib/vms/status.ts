// What a VM is doing, in one line, from the VM, its instance, its disks and its migrations. Pure:
// lists, detail pages and the operator console derive the same summary.
import { msg, type Msg } from '../i18n/messages';
import type { DataVolumeObject, MigrationObject, VmCondition, VmiObject, VmObject } from './types';

export type VmTone = 'ok' | 'progress' | 'error' | 'idle';

export interface DiskSummary {
  /** The volume name inside the VM (root, data…). */
  volume: string;
  dataVolume?: string;
  phase?: string;
  progress?: string;
  failure?: string;
  size?: string;
  storageClass?: string;
}

export interface MigrationSummary {
  name: string;
  phase: string;
  sourceNode?: string;
  targetNode?: string;
  done: boolean;
  failed: boolean;
}

export interface VmSummary {
  name: string;
  namespace: string;
  status: string;
  tone: VmTone;
  summary: Msg;
  node?: string;
  ips: string[];
  cpu?: number;
  memory?: string;
  instancetype?: string;
  preference?: string;
  runStrategy: string;
  running: boolean;
  paused: boolean;
  migratable?: { ok: boolean; message?: string };
  disks: DiskSummary[];
  migration?: MigrationSummary;
  guestOs?: string;
  createdAt?: string;
}

const cond = (list: VmCondition[] | undefined, type: string) => list?.find((c) => c.type === type);

const errorStatuses = new Set([
  'CrashLoopBackOff',
  'ErrorUnschedulable',
  'ErrImagePull',
  'ImagePullBackOff',
  'ErrorPvcNotFound',
  'DataVolumeError',
  'Unknown',
]);
const idleStatuses = new Set(['Stopped']);
const importerFailures = new Set([
  'Error',
  'CrashLoopBackOff',
  'ImagePullFailed',
  'ErrImportFailed',
]);

export function toneOf(status: string): VmTone {
  if (status === 'Running' || status === 'Paused') return 'ok';
  if (errorStatuses.has(status)) return 'error';
  if (idleStatuses.has(status)) return 'idle';
  return 'progress';
}

/** A disk's state: CDI's phase and progress, and why its import fails, if it does. */
export function diskSummaries(
  vm: VmObject,
  dvs: ReadonlyMap<string, DataVolumeObject>,
): DiskSummary[] {
  const templates = new Map((vm.spec?.dataVolumeTemplates ?? []).map((t) => [t.metadata.name, t]));
  return (vm.spec?.template?.spec?.volumes ?? [])
    .filter((v) => v.dataVolume || v.persistentVolumeClaim)
    .map((v) => {
      const dvName = v.dataVolume?.name ?? v.persistentVolumeClaim?.claimName;
      const dv = dvName ? dvs.get(dvName) : undefined;
      const t = dvName ? templates.get(dvName) : undefined;
      const running = cond(dv?.status?.conditions, 'Running');
      // CDI keeps retrying a failing importer; its Running condition says why each time.
      const failed =
        dv?.status?.phase === 'Failed' ||
        (running?.status === 'False' &&
          (importerFailures.has(running.reason ?? '') ||
            ((dv?.status?.restartCount ?? 0) > 0 && running.reason !== 'Completed')));
      return {
        volume: v.name,
        dataVolume: dvName,
        phase: dv?.status?.phase,
        progress: dv?.status?.progress,
        failure: failed ? (running?.message ?? dv?.status?.phase) : undefined,
        size:
          t?.spec.storage?.resources?.requests?.storage ??
          dv?.spec?.storage?.resources?.requests?.storage,
        storageClass: t?.spec.storage?.storageClassName ?? dv?.spec?.storage?.storageClassName,
      };
    });
}

/** The newest migration of this VM's instance. */
export function latestMigration(
  name: string,
  migrations: readonly MigrationObject[],
  vmi?: VmiObject,
): MigrationSummary | undefined {
  const mine = migrations
    .filter((m) => m.spec?.vmiName === name)
    .sort((a, b) =>
      (b.metadata?.creationTimestamp ?? '').localeCompare(a.metadata?.creationTimestamp ?? ''),
    );
  const m = mine[0];
  if (!m) return undefined;
  const phase = m.status?.phase ?? 'Pending';
  // While it runs, virt-handler reports the nodes on the instance; the migration gets them at the end.
  const live = vmi?.status?.migrationState;
  const state =
    m.status?.migrationState ?? (live && live.migrationUid === m.metadata?.uid ? live : undefined);
  return {
    name: m.metadata?.name ?? '',
    phase,
    sourceNode: state?.sourceNode,
    targetNode: state?.targetNode,
    done: phase === 'Succeeded' || phase === 'Failed',
    failed: phase === 'Failed',
  };
}

function summaryLine(s: Omit<VmSummary, 'summary' | 'tone'>, vmi: VmiObject | undefined): Msg {
  const failing = s.disks.find((d) => d.failure);
  if (failing)
    return msg('vms.summary.diskFailed', { disk: failing.volume, reason: failing.failure ?? '' });
  const scheduled = cond(vmi?.status?.conditions, 'PodScheduled');
  if (scheduled?.status === 'False' && scheduled.reason === 'Unschedulable')
    return msg('vms.summary.unschedulable', { reason: scheduled.message ?? '' });
  if (s.migration && !s.migration.done)
    return msg('vms.summary.migrating', {
      phase: s.migration.phase,
      from: s.migration.sourceNode ?? s.node ?? '—',
      to: s.migration.targetNode ?? '…',
    });
  const importing = s.disks.find((d) => d.phase && d.phase !== 'Succeeded');
  if (importing && s.status !== 'Running')
    return msg('vms.summary.importing', {
      disk: importing.volume,
      progress: importing.progress && importing.progress !== 'N/A' ? importing.progress : '0%',
    });
  switch (s.status) {
    case 'Running':
      return msg('vms.summary.running', { node: s.node ?? '—', ip: s.ips[0] ?? '—' });
    case 'Paused':
      return msg('vms.summary.paused');
    case 'Stopped':
      return msg('vms.summary.stopped');
    case 'Starting':
      return msg('vms.summary.starting');
    case 'Stopping':
      return msg('vms.summary.stopping');
    case 'Terminating':
      return msg('vms.summary.terminating');
    default:
      return msg('vms.summary.other', { status: s.status });
  }
}

export function vmSummary(
  vm: VmObject,
  vmi: VmiObject | undefined,
  dvs: ReadonlyMap<string, DataVolumeObject>,
  migrations: readonly MigrationObject[] = [],
): VmSummary {
  const name = vm.metadata?.name ?? '';
  const domain = vm.spec?.template?.spec?.domain;
  const live = cond(vmi?.status?.conditions, 'LiveMigratable');
  const paused = cond(vmi?.status?.conditions, 'Paused')?.status === 'True';
  // No status yet: virt-controller has not seen the VM; it is on its way, not broken.
  const status = paused ? 'Paused' : (vm.status?.printableStatus ?? 'Provisioning');
  const ips = (vmi?.status?.interfaces ?? []).flatMap(
    (i) => i.ipAddresses ?? (i.ipAddress ? [i.ipAddress] : []),
  );
  const base = {
    name,
    namespace: vm.metadata?.namespace ?? '',
    status,
    node: vmi?.status?.nodeName,
    ips: [...new Set(ips)],
    cpu: domain?.cpu?.cores,
    memory: domain?.memory?.guest,
    instancetype: vm.spec?.instancetype?.name,
    preference: vm.spec?.preference?.name,
    runStrategy: vm.spec?.runStrategy ?? (vm.spec?.running ? 'Always' : 'Halted'),
    running: !!vmi && vmi.status?.phase === 'Running',
    paused,
    migratable: live ? { ok: live.status === 'True', message: live.message } : undefined,
    disks: diskSummaries(vm, dvs),
    migration: latestMigration(name, migrations, vmi),
    guestOs: vmi?.status?.guestOSInfo?.prettyName,
    createdAt: vm.metadata?.creationTimestamp,
  };
  const summary = summaryLine(base, vmi);
  const tone: VmTone = base.disks.some((d) => d.failure) ? 'error' : toneOf(status);
  return { ...base, summary, tone };
}

/** The DataVolumes a VM owns by template: deleted with it unless kept. */
export function ownedDisks(vm: VmObject): string[] {
  return (vm.spec?.dataVolumeTemplates ?? []).map((t) => t.metadata.name);
}
