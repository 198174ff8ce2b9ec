// KubeVirt's VirtualMachine and VirtualMachineInstance lifecycles as pure functions: what the VM's
// status should say, which object to create or delete next, and how a VMI moves to Running.
import { createHash } from 'node:crypto';

import type {
  DataVolumeObj,
  InstancetypeObj,
  KubevirtCondition,
  NodeObj,
  PvcObj,
  StateChangeRequest,
  VmiObj,
  VmObj,
} from '../kinds.ts';
import type { KObj } from '../kube/types.ts';
// The app's address math (pure, no imports): one implementation for both.
import { formatIp, parseIp } from '../../../../lib/loadbalancers/addresses.ts';
import { isMigrating } from './migration.ts';

export function runStrategyOf(vm: VmObj): string {
  if (vm.spec.runStrategy) return vm.spec.runStrategy;
  return vm.spec.running ? 'Always' : 'Halted';
}

/** Whether the VM should have a running instance now, counting pending start/stop requests. */
export function wantsRunning(vm: VmObj, vmi: VmiObj | undefined): boolean {
  const first = vm.status?.stateChangeRequests?.[0];
  if (first?.action === 'Stop') return false;
  if (first?.action === 'Start') return true;
  switch (runStrategyOf(vm)) {
    case 'Always':
    case 'RerunOnFailure':
    case 'Once':
      return true;
    case 'Manual':
      return !!vmi && !vmi.metadata.deletionTimestamp;
    default:
      return false;
  }
}

/** DataVolumes the VM's disks use: its templates and any plain dataVolume volumes. */
export function dataVolumeNames(vm: VmObj): string[] {
  const names = new Set<string>((vm.spec.dataVolumeTemplates ?? []).map((t) => t.metadata.name));
  for (const v of vm.spec.template.spec.volumes ?? [])
    if (v.dataVolume?.name) names.add(v.dataVolume.name);
  return [...names];
}

export type DvState = 'ready' | 'provisioning' | 'failed';

/** HasDataVolumeErrors (pkg/storage/types/dv.go): Failed, or an importer that stopped on an error. */
export function dataVolumeFailed(dv: DataVolumeObj | undefined): boolean {
  if (dv?.status?.phase === 'Failed') return true;
  const running = dv?.status?.conditions?.find((c) => c.type === 'Running');
  return (
    running?.status === 'False' &&
    (running.reason === 'Error' || running.reason === 'ImagePullFailed')
  );
}

export function dataVolumesState(vm: VmObj, dvs: ReadonlyMap<string, DataVolumeObj>): DvState {
  let state: DvState = 'ready';
  for (const name of dataVolumeNames(vm)) {
    const dv = dvs.get(name);
    if (dataVolumeFailed(dv)) return 'failed';
    if (dv?.status?.phase !== 'Succeeded') state = 'provisioning';
  }
  return state;
}

export interface VmStatusView {
  printableStatus: string;
  ready: boolean;
  created: boolean;
  runStrategy: string;
  conditions: KubevirtCondition[];
  observedGeneration?: number;
  desiredGeneration?: number;
  stateChangeRequests?: StateChangeRequest[];
}

export const vmiReady = (vmi: VmiObj | undefined): boolean =>
  vmi?.status?.phase === 'Running' &&
  !!vmi.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');

const pausedVmi = (vmi: VmiObj | undefined): boolean =>
  !!vmi?.status?.conditions?.some((c) => c.type === 'Paused' && c.status === 'True');

/** setPrintableStatus (pkg/virt-controller/watch/vm/vm.go): the first that holds wins. */
export function printableStatus(vm: VmObj, vmi: VmiObj | undefined, dvs: DvState): string {
  if (vm.metadata.deletionTimestamp) return 'Terminating';
  const want = wantsRunning(vm, vmi);
  if (vmi && (vmi.metadata.deletionTimestamp || !want)) return 'Stopping';
  if (isMigrating(vmi)) return 'Migrating';
  const running = vmi?.status?.phase === 'Running';
  if (running && pausedVmi(vmi)) return 'Paused';
  if (running) return 'Running';
  if (dvs === 'failed') return 'DataVolumeError';
  if (dvs === 'provisioning') return 'Provisioning';
  if (vmi) return 'Starting';
  return want ? 'Starting' : 'Stopped';
}

// Conditions syncConditions does not copy from the VMI.
const notSynced = new Set(['Ready', 'Failure', 'RestartRequired']);

/** The status the VM should show; `requests` drops start/stop requests that have taken effect. */
export function vmStatus(vm: VmObj, vmi: VmiObj | undefined, dvs: DvState): VmStatusView {
  const ready = vmiReady(vmi);
  const requests = [...(vm.status?.stateChangeRequests ?? [])];
  const first = requests[0];
  if (first?.action === 'Stop' && !vmi) requests.shift();
  else if (first?.action === 'Start' && vmi && !vmi.metadata.deletionTimestamp) requests.shift();
  const old = vm.status?.conditions?.find((c) => c.type === 'Ready');
  const vmiReadyCond = vmi?.status?.conditions?.find((c) => c.type === 'Ready');
  // syncReadyConditionFromVMI: the VMI's Ready condition as it is, or why there is none.
  const readyCond: KubevirtCondition = vmiReadyCond
    ? { ...vmiReadyCond }
    : {
        type: 'Ready',
        status: 'False',
        ...(vmi
          ? { reason: 'VMIConditionMissing', message: 'VMI is missing the Ready condition' }
          : { reason: 'VMINotExists', message: 'VMI does not exist' }),
        lastProbeTime: null,
        lastTransitionTime: null,
      };
  if (!vmiReadyCond)
    readyCond.lastTransitionTime =
      old?.status === readyCond.status
        ? (old.lastTransitionTime ?? null)
        : new Date().toISOString();
  const synced = (vmi?.status?.conditions ?? [])
    .filter((c) => !notSynced.has(c.type))
    .map((c) => ({ ...c }));
  return {
    printableStatus: printableStatus(vm, vmi, dvs),
    ready,
    created: !!vmi,
    runStrategy: runStrategyOf(vm),
    conditions: [readyCond, ...synced],
    observedGeneration: vm.metadata.generation,
    desiredGeneration: vm.metadata.generation,
    ...(requests.length !== (vm.status?.stateChangeRequests ?? []).length
      ? { stateChangeRequests: requests }
      : {}),
  };
}

/** Whether the stored status differs from `want` in anything but timestamps. */
export function vmStatusDiffers(vm: VmObj, want: VmStatusView): boolean {
  const s = vm.status ?? {};
  const conds = (l: KubevirtCondition[] | undefined) =>
    JSON.stringify((l ?? []).map((c) => [c.type, c.status, c.reason ?? '', c.message ?? '']));
  return (
    s.printableStatus !== want.printableStatus ||
    s.ready !== want.ready ||
    s.created !== want.created ||
    s.runStrategy !== want.runStrategy ||
    s.observedGeneration !== want.observedGeneration ||
    s.desiredGeneration !== want.desiredGeneration ||
    conds(s.conditions) !== conds(want.conditions) ||
    want.stateChangeRequests !== undefined
  );
}

export type VmAction =
  | { kind: 'createDataVolume'; name: string }
  | { kind: 'createInstance' }
  | { kind: 'deleteInstance' };

export function nextVmAction(
  vm: VmObj,
  vmi: VmiObj | undefined,
  dvs: ReadonlyMap<string, DataVolumeObj>,
): VmAction | undefined {
  if (vm.metadata.deletionTimestamp) return undefined;
  // virt-controller creates template DataVolumes whether or not the VM runs.
  const missing = (vm.spec.dataVolumeTemplates ?? []).find((t) => !dvs.has(t.metadata.name));
  if (missing) return { kind: 'createDataVolume', name: missing.metadata.name };
  const want = wantsRunning(vm, vmi);
  if (!want && vmi && !vmi.metadata.deletionTimestamp) return { kind: 'deleteInstance' };
  if (want && !vmi && dataVolumesState(vm, dvs) === 'ready') return { kind: 'createInstance' };
  return undefined;
}

export function dataVolumeFor(vm: VmObj, name: string): KObj | undefined {
  const t = (vm.spec.dataVolumeTemplates ?? []).find((x) => x.metadata.name === name);
  if (!t) return undefined;
  return {
    apiVersion: 'cdi.kubevirt.io/v1beta1',
    kind: 'DataVolume',
    metadata: {
      ...t.metadata,
      namespace: vm.metadata.namespace,
      ownerReferences: [
        {
          apiVersion: 'kubevirt.io/v1',
          kind: 'VirtualMachine',
          name: vm.metadata.name,
          uid: vm.metadata.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: t.spec,
  };
}

/** The instance virt-controller would create: the template, with the instancetype expanded. */
export function vmiFor(vm: VmObj, it: InstancetypeObj | undefined): KObj {
  const tpl = vm.spec.template;
  const domain = { ...tpl.spec.domain };
  if (it?.spec.cpu?.guest && !domain.cpu)
    domain.cpu = { cores: 1, sockets: it.spec.cpu.guest, threads: 1 };
  if (it?.spec.memory?.guest && !domain.memory) domain.memory = { guest: it.spec.memory.guest };
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: {
      name: vm.metadata.name,
      namespace: vm.metadata.namespace,
      labels: { ...(tpl.metadata?.labels ?? {}), 'vm.kubevirt.io/name': vm.metadata.name },
      annotations: {
        ...(tpl.metadata?.annotations ?? {}),
        'kubevirt.io/vm-generation': String(vm.metadata.generation ?? 1),
      },
      ownerReferences: [
        {
          apiVersion: 'kubevirt.io/v1',
          kind: 'VirtualMachine',
          name: vm.metadata.name,
          uid: vm.metadata.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: { ...tpl.spec, domain },
    status: {
      phase: 'Pending',
      phaseTransitionTimestamps: [
        { phase: 'Pending', phaseTransitionTimestamp: new Date().toISOString() },
      ],
    },
  };
}

const hash = (s: string): Buffer => createHash('sha256').update(s).digest();

/** A locally administered MAC, stable per VMI. */
export function macFor(uid: string): string {
  const b = hash(`mac:${uid}`);
  return ['02', ...[0, 1, 2, 3, 4].map((i) => (b[i] ?? 0).toString(16).padStart(2, '0'))].join(':');
}

// kwok hands out pod IPs from the bottom of 10.244.0.0/16; VMIs take the top half.
const VMI_FIRST = parseIp('10.244.128.1')?.value ?? 0n;
const VMI_LAST = parseIp('10.244.255.254')?.value ?? 0n;

/** A free address in 10.244.128.0/17, starting from a per-VMI offset so restarts are stable. */
export function pickIp(uid: string, used: ReadonlySet<string>): string | undefined {
  const size = VMI_LAST - VMI_FIRST + 1n;
  const start = BigInt(hash(`ip:${uid}`).readUInt32BE(0)) % size;
  for (let i = 0n; i < size; i++) {
    const v = VMI_FIRST + ((start + i) % size);
    if ((v & 255n) === 0n || (v & 255n) === 255n) continue;
    const ip = formatIp(v, false);
    if (!used.has(ip)) return ip;
  }
  return undefined;
}

export function isSchedulable(node: NodeObj): boolean {
  if (node.metadata.annotations?.['kwok.x-k8s.io/node'] !== 'fake') return false;
  if (node.spec?.unschedulable || node.metadata.deletionTimestamp) return false;
  if ((node.spec?.taints ?? []).some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute'))
    return false;
  return node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** The Ready kwok node with the fewest instances (ties by name), as a simple scheduler would. */
export function pickNode(nodes: NodeObj[], load: ReadonlyMap<string, number>): string | undefined {
  return nodes
    .filter(isSchedulable)
    .map((n) => n.metadata.name)
    .sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || a.localeCompare(b))[0];
}

export type VmiStep =
  | { kind: 'phase'; phase: 'Scheduling' }
  | { kind: 'schedule'; node: string }
  | { kind: 'run'; ip: string };

export function nextVmiStep(
  vmi: VmiObj,
  pick: { node: () => string | undefined; ip: () => string | undefined },
): VmiStep | undefined {
  if (vmi.metadata.deletionTimestamp) return undefined;
  switch (vmi.status?.phase ?? 'Pending') {
    case 'Pending':
      return { kind: 'phase', phase: 'Scheduling' };
    case 'Scheduling': {
      const node = pick.node();
      return node ? { kind: 'schedule', node } : undefined;
    }
    case 'Scheduled': {
      const ip = pick.ip();
      return ip ? { kind: 'run', ip } : undefined;
    }
    default:
      return undefined;
  }
}

const guests: Record<
  string,
  { id: string; name: string; prettyName: string; version: string; kernelRelease: string }
> = {
  ubuntu: {
    id: 'ubuntu',
    name: 'Ubuntu',
    prettyName: 'Ubuntu 24.04.3 LTS',
    version: '24.04',
    kernelRelease: '6.8.0-85-generic',
  },
  fedora: {
    id: 'fedora',
    name: 'Fedora Linux',
    prettyName: 'Fedora Linux 42 (Cloud Edition)',
    version: '42',
    kernelRelease: '6.14.0-63.fc42.x86_64',
  },
  debian: {
    id: 'debian',
    name: 'Debian GNU/Linux',
    prettyName: 'Debian GNU/Linux 12 (bookworm)',
    version: '12',
    kernelRelease: '6.1.0-37-cloud-amd64',
  },
  centos: {
    id: 'centos',
    name: 'CentOS Stream',
    prettyName: 'CentOS Stream 9',
    version: '9',
    kernelRelease: '5.14.0-592.el9.x86_64',
  },
  alpine: {
    id: 'alpine',
    name: 'Alpine Linux',
    prettyName: 'Alpine Linux v3.22',
    version: '3.22.1',
    kernelRelease: '6.12.38-0-virt',
  },
};

/** What the guest agent would report, guessed from the preference or the boot image. */
export function guestOsFor(vm: VmObj) {
  const hints = [
    vm.spec.preference?.name ?? '',
    ...(vm.spec.dataVolumeTemplates ?? []).map((t) => JSON.stringify(t.spec.source ?? {})),
    JSON.stringify(vm.spec.template.spec.volumes ?? []),
  ]
    .join(' ')
    .toLowerCase();
  const key = Object.keys(guests).find((k) => hints.includes(k));
  const g = key ? guests[key] : undefined;
  return g ? { ...g, versionId: g.version } : undefined;
}

/** Sets conditions by type, keeping the others (Paused, AgentConnected …) and their order. */
export function mergeConditions(
  list: readonly KubevirtCondition[] | undefined,
  updates: KubevirtCondition[],
): KubevirtCondition[] {
  const out = [...(list ?? [])];
  for (const u of updates) {
    const i = out.findIndex((c) => c.type === u.type);
    const old = i >= 0 ? out[i] : undefined;
    const next =
      old?.status === u.status ? { ...u, lastTransitionTime: old.lastTransitionTime } : u;
    if (i >= 0) out[i] = next;
    else out.push(next);
  }
  return out;
}

/** status.volumeStatus as virt-controller/virt-handler report it: target device and claim info. */
export function volumeStatusFor(vmi: VmiObj, pvc: (name: string) => PvcObj | undefined) {
  const disks =
    (vmi.spec.domain.devices as { disks?: { name: string }[] } | undefined)?.disks ?? [];
  return (vmi.spec.volumes ?? []).map((v) => {
    const at = disks.findIndex((d) => d.name === v.name);
    const claimName = v.persistentVolumeClaim?.claimName ?? v.dataVolume?.name;
    const p = claimName ? pvc(claimName) : undefined;
    return {
      name: v.name,
      target: at >= 0 ? `vd${String.fromCharCode(97 + at)}` : '',
      ...(p
        ? {
            persistentVolumeClaimInfo: {
              claimName: p.metadata.name,
              accessModes: p.spec.accessModes ?? [],
              volumeMode: p.spec.volumeMode ?? 'Filesystem',
              capacity: p.status?.capacity ?? {},
              requests: p.spec.resources?.requests ?? {},
              filesystemOverhead: '0.055',
            },
          }
        : {}),
    };
  });
}
