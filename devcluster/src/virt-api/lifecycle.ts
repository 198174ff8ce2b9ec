// virt-api's VM/VMI lifecycle handlers (pkg/virt-api/rest/lifecycle.go, v1.9.0) as pure decisions:
// given the objects as read, the writes to make and the answer to give. server.ts performs them.
import { badRequest, conflict, forbidden, internal, type Status } from './status.ts';
import {
  conditionOf,
  isFinal,
  type Condition,
  type Migration,
  type StateChangeRequest,
  type Vm,
  type Vmi,
} from './types.ts';

export type JsonPatch = {
  op: 'test' | 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}[];

export type Write =
  | { kind: 'patchVm'; patch: JsonPatch }
  | { kind: 'patchVmStatus'; patch: JsonPatch }
  | { kind: 'patchVmi'; patch: JsonPatch }
  | { kind: 'createMigration'; body: Record<string, unknown> };

/** Writes in order; then `error` (upstream sometimes writes before refusing) or `code`. */
export interface Decision {
  writes: Write[];
  error?: Status;
  code: number;
}

const refuse = (error: Status, writes: Write[] = []): Decision => ({ writes, error, code: 0 });
const accept = (writes: Write[], code = 202): Decision => ({ writes, code });

const vmNotRunning = 'VM is not running';
const vmiNotRunning = 'VMI is not running';
const recoveryRequired =
  'VM recovery required: Volume migration failed, leaving some volumes pointing to non-consistent targets; manual intervention is needed to reassign them to their original volumes.';

/** vm.RunStrategy(): running and runStrategy are exclusive; neither means Halted. */
export function runStrategyOf(vm: Vm): string | Status {
  if (vm.spec.running !== undefined && vm.spec.runStrategy !== undefined)
    return internal('running and runstrategy are mutually exclusive');
  if (vm.spec.running !== undefined) return vm.spec.running ? 'Always' : 'Halted';
  return vm.spec.runStrategy ?? 'Halted';
}

const hasCondition = (
  o: { status?: { conditions?: Condition[] } },
  type: string,
  status?: string,
) => {
  const c = conditionOf(o, type);
  return !!c && (status === undefined || c.status === status);
};

/** getChangeRequestJson: append to (or, for a lone Stop, replace) the pending requests. */
export function changeRequestPatch(vm: Vm, ...changes: StateChangeRequest[]): JsonPatch | Status {
  const s = vm.status ?? {};
  const patch: JsonPatch = [];
  if (Object.keys(s).length === 0) {
    patch.push({ op: 'add', path: '/status', value: { stateChangeRequests: changes } });
  } else {
    const pending = s.stateChangeRequests ?? [];
    patch.push({
      op: 'test',
      path: '/status/stateChangeRequests',
      value: s.stateChangeRequests ?? null,
    });
    if (pending.length === 0) {
      patch.push({ op: 'add', path: '/status/stateChangeRequests', value: changes });
    } else if (changes.length === 1 && changes[0]?.action === 'Stop') {
      patch.push({ op: 'replace', path: '/status/stateChangeRequests', value: changes });
    } else {
      return internal('unable to complete request: stop/start already underway');
    }
  }
  if (s.startFailure !== undefined) patch.push({ op: 'remove', path: '/status/startFailure' });
  return patch;
}

/** getRunningPatch: runStrategy Always/Halted, or the deprecated spec.running. */
export function runningPatch(vm: Vm, running: boolean): JsonPatch {
  if (vm.spec.runStrategy !== undefined) {
    return [
      { op: 'test', path: '/spec/runStrategy', value: vm.spec.runStrategy },
      { op: 'replace', path: '/spec/runStrategy', value: running ? 'Always' : 'Halted' },
    ];
  }
  return [
    { op: 'test', path: '/spec/running', value: vm.spec.running ?? null },
    { op: 'replace', path: '/spec/running', value: running },
  ];
}

/**
 * terminationGracePeriodSeconds with a test of the old value. Upstream always `replace`s because its
 * mutating webhook defaults the field on every VMI; nothing defaults it here, so an absent field is
 * `add`ed instead.
 */
function gracePeriodPatch(vmi: Vmi, seconds: number): JsonPatch {
  const old = vmi.spec.terminationGracePeriodSeconds;
  return [
    { op: 'test', path: '/spec/terminationGracePeriodSeconds', value: old ?? null },
    {
      op: old === undefined ? 'add' : 'replace',
      path: '/spec/terminationGracePeriodSeconds',
      value: seconds,
    },
  ];
}

const statusWrite = (p: JsonPatch | Status, before: Write[] = []): Decision =>
  Array.isArray(p) ? accept([...before, { kind: 'patchVmStatus', patch: p }]) : refuse(p, before);

export function start(vm: Vm, vmi: Vmi | undefined, opts: { paused?: boolean }): Decision {
  const name = vm.metadata.name;
  const phase = vmi?.status?.phase ?? '';
  if (vmi && !isFinal(vmi) && phase !== 'Unknown' && phase !== '')
    return refuse(conflict('virtualmachine', name, 'VM is already running'));
  if (hasCondition(vm, 'ManualRecoveryRequired', 'True'))
    return refuse(conflict('virtualmachine', name, recoveryRequired));
  const data: Record<string, string> | undefined = opts.paused ? { paused: 'true' } : undefined;
  const startRequest: StateChangeRequest = { action: 'Start', ...(data ? { data } : {}) };
  const rs = runStrategyOf(vm);
  if (typeof rs !== 'string') return refuse(rs);
  switch (rs) {
    case 'Halted': {
      // Upstream compares startStrategy by pointer, so a paused start always goes as a request.
      if (opts.paused) return statusWrite(changeRequestPatch(vm, startRequest));
      return accept([{ kind: 'patchVm', patch: runningPatch(vm, true) }]);
    }
    case 'RerunOnFailure':
    case 'Manual': {
      const needsRestart =
        (rs === 'RerunOnFailure' && vmi?.status?.phase === 'Succeeded') ||
        (rs === 'Manual' && !!vmi && isFinal(vmi));
      if (rs === 'RerunOnFailure' && vmi?.status?.phase === 'Failed')
        return refuse(
          conflict(
            'virtualmachine',
            name,
            'RerunOnFailure does not support starting VM from failed state',
          ),
        );
      return statusWrite(
        needsRestart
          ? changeRequestPatch(vm, { action: 'Stop', uid: vmi?.metadata.uid ?? '' }, startRequest)
          : changeRequestPatch(vm, startRequest),
      );
    }
    case 'Always':
    case 'Once':
      return refuse(
        conflict('virtualmachine', name, `${rs} does not support manual start requests`),
      );
    default:
      // WaitAsReceiver and unknown strategies fall through upstream's switch: accepted, no write.
      return accept([]);
  }
}

export function stop(vm: Vm, vmi: Vmi | undefined, opts: { gracePeriod?: number }): Decision {
  const name = vm.metadata.name;
  const rs = runStrategyOf(vm);
  if (typeof rs !== 'string') return refuse(rs);
  const writes: Write[] = [];
  const live = !!vmi && !isFinal(vmi);
  const gp = opts.gracePeriod;
  if (vmi && live && gp !== undefined)
    writes.push({ kind: 'patchVmi', patch: gracePeriodPatch(vmi, gp) });
  const stopRequest = (): Decision =>
    statusWrite(changeRequestPatch(vm, { action: 'Stop', uid: vmi?.metadata.uid ?? '' }), writes);
  switch (rs) {
    case 'Halted': {
      if (!live) return refuse(conflict('virtualmachine', name, vmNotRunning), writes);
      const old = vmi?.spec.terminationGracePeriodSeconds;
      if (gp === undefined || (old !== undefined && gp >= old))
        return refuse(
          conflict(
            'virtualmachine',
            name,
            'Halted only supports manual stop requests with a shorter graceperiod',
          ),
          writes,
        );
      return stopRequest();
    }
    case 'RerunOnFailure':
    case 'Manual':
      if (!live) return refuse(conflict('virtualmachine', name, vmNotRunning), writes);
      return stopRequest();
    case 'Always':
    case 'Once':
      return accept([...writes, { kind: 'patchVm', patch: runningPatch(vm, false) }]);
    default:
      return accept(writes);
  }
}

export function restart(
  vm: Vm,
  vmi: Vmi | undefined,
  opts: { gracePeriodSeconds?: number },
): Decision {
  const name = vm.metadata.name;
  const gp = opts.gracePeriodSeconds;
  if (gp !== undefined && gp > 0)
    return refuse(badRequest('For force restart, only gracePeriod=0 is supported for now'));
  if (gp !== undefined && gp < 0)
    return refuse(badRequest('gracePeriod has to be greater or equal to 0'));
  if (hasCondition(vm, 'VolumesChange', 'True'))
    return refuse(conflict('virtualmachine', name, recoveryRequired));
  const rs = runStrategyOf(vm);
  if (typeof rs !== 'string') return refuse(rs);
  if (rs === 'Halted' || rs === 'Once')
    return refuse(
      conflict('virtualmachine', name, `RunStategy ${rs} does not support manual restart requests`),
    );
  if (!vmi) return refuse(conflict('virtualmachine', name, 'VM is not running: Halted'));
  const writes: Write[] = [];
  // A forced restart shortens the grace period first, so the guest goes down promptly.
  if (gp === 0) writes.push({ kind: 'patchVmi', patch: gracePeriodPatch(vmi, 1) });
  return statusWrite(
    changeRequestPatch(vm, { action: 'Stop', uid: vmi.metadata.uid ?? '' }, { action: 'Start' }),
    writes,
  );
}

const webhookDenied = (msg: string) =>
  internal(`admission webhook "migration-create-validator.kubevirt.io" denied the request: ${msg}`);

/**
 * MigrateVMRequestHandler, plus what the migration-create webhooks (which don't run here) would do:
 * the mutator's vmi-name label, the admitter's LiveMigratable and in-flight checks. virt-api
 * wraps the webhook's refusal as an internal error, so that is the answer here too.
 */
export function migrate(
  vm: Vm,
  vmi: Vmi,
  migrations: Migration[],
  opts: { addedNodeSelector?: Record<string, string> },
): Decision {
  const name = vm.metadata.name;
  if (vmi.status?.phase !== 'Running')
    return refuse(conflict('virtualmachine', name, vmNotRunning));
  const notMigratable = vmi.status.conditions?.find(
    (c) => c.type === 'LiveMigratable' && c.status === 'False',
  );
  if (notMigratable)
    return refuse(
      webhookDenied(
        `Cannot migrate VMI, Reason: ${notMigratable.reason ?? ''}, Message: ${notMigratable.message ?? ''}`,
      ),
    );
  const inFlight = migrations.find(
    (m) =>
      m.spec.vmiName === name && m.status?.phase !== 'Succeeded' && m.status?.phase !== 'Failed',
  );
  if (inFlight)
    return refuse(
      webhookDenied(
        `in-flight migration detected. Active migration job (${inFlight.metadata.uid ?? ''}) is currently already in progress for VMI ${name}.`,
      ),
    );
  return accept([
    {
      kind: 'createMigration',
      body: {
        apiVersion: 'kubevirt.io/v1',
        kind: 'VirtualMachineInstanceMigration',
        metadata: {
          generateName: 'kubevirt-migrate-vm-',
          labels: { 'kubevirt.io/vmi-name': name },
        },
        spec: {
          vmiName: name,
          ...(opts.addedNodeSelector ? { addedNodeSelector: opts.addedNodeSelector } : {}),
        },
      },
    },
  ]);
}

/** The whole conditions list, guarded by the object's resourceVersion. */
function conditionsPatch(vmi: Vmi, conditions: Condition[]): JsonPatch {
  return [
    { op: 'test', path: '/metadata/resourceVersion', value: vmi.metadata.resourceVersion ?? '' },
    {
      op: vmi.status?.conditions ? 'replace' : 'add',
      path: '/status/conditions',
      value: conditions,
    },
  ];
}

/**
 * PauseVMIRequestHandler's checks; then what virt-handler reports once libvirt has paused the
 * domain: a Paused condition (virt-handler/vm.go, ReasonPausedUser). Answers 200 like upstream.
 */
export function pause(vmi: Vmi, now: string): Decision {
  const name = vmi.metadata.name;
  if (vmi.status?.phase !== 'Running')
    return refuse(conflict('virtualmachineinstance', name, vmNotRunning));
  if (vmi.spec.livenessProbe !== undefined)
    return refuse(
      forbidden(
        'virtualmachineinstance',
        name,
        'Pausing VMIs with LivenessProbe is currently not supported',
      ),
    );
  if (hasCondition(vmi, 'Paused'))
    return refuse(conflict('virtualmachineinstance', name, 'VMI is already paused'));
  const m = vmi.status.migrationState;
  if (m && !m.completed)
    return refuse(
      conflict(
        'virtualmachineinstance',
        name,
        `Cannot pause VM '${name}' because it is currently being migrated`,
      ),
    );
  const paused: Condition = {
    type: 'Paused',
    status: 'True',
    reason: 'PausedByUser',
    message: 'VMI was paused by user',
    lastProbeTime: now,
    lastTransitionTime: now,
  };
  return accept(
    [{ kind: 'patchVmi', patch: conditionsPatch(vmi, [...(vmi.status.conditions ?? []), paused]) }],
    200,
  );
}

export function unpause(vm: Vm | undefined, vmi: Vmi): Decision {
  const name = vmi.metadata.name;
  if (vm?.status?.snapshotInProgress !== undefined)
    return refuse(conflict('virtualmachine', name, 'VM snapshot is in progress'));
  if (vmi.status?.phase !== 'Running')
    return refuse(conflict('virtualmachineinstance', name, vmiNotRunning));
  if (!hasCondition(vmi, 'Paused'))
    return refuse(conflict('virtualmachineinstance', name, 'VMI is not paused'));
  const rest = (vmi.status.conditions ?? []).filter((c) => c.type !== 'Paused');
  return accept([{ kind: 'patchVmi', patch: conditionsPatch(vmi, rest) }], 200);
}
