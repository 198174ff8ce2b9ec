// Plays virt-controller and virt-handler: VMs get their DataVolumes, start and stop instances per
// runStrategy, and instances go Pending → Scheduling → Scheduled → Running on a Ready kwok node.
import type { DataVolumeObj, VmiObj, VmObj } from '../kinds.ts';
import { isStatus } from '../kube/rest.ts';
import { keyOf, pathOf, pathOfObj, R } from '../kube/types.ts';
import { digest, type Plan } from '../runner.ts';
import { runner, splitKey, type World } from '../world.ts';
import { startMigrations } from './migration-controller.ts';
import { startSnapshots } from './snapshot-controller.ts';
import { migratability } from './migration.ts';
import {
  dataVolumeFor,
  mergeConditions,
  volumeStatusFor,
  dataVolumesState,
  guestOsFor,
  macFor,
  nextVmAction,
  nextVmiStep,
  pickIp,
  pickNode,
  vmiFor,
  vmStatus,
  vmStatusDiffers,
} from './vm.ts';

const CONTROLLER = 'kubevirt-controller';
const HANDLER = 'virt-handler';
const after = {
  status: 0.2,
  dataVolume: 0.3,
  create: 1,
  delete: 1.5,
  scheduling: 0.5,
  scheduled: 0.8,
  running: 1.2,
};

export function startKubevirt(w: World): void {
  const { vms, vmis, dataVolumes, nodes, instancetypes, pvcs } = w.inf;
  if (!vms.available || !vmis.available) return;
  startMigrations(w);
  startSnapshots(w);
  const pvcOf = (ns: string | undefined) => (claim: string) => pvcs.get(ns, claim);
  // Addresses and nodes handed out but maybe not yet visible in the cache.
  const reservedIp = new Map<string, string>();
  const reservedNode = new Map<string, string>();

  const dvsOf = (ns: string | undefined): Map<string, DataVolumeObj> =>
    new Map(dataVolumes.list(ns).map((d) => [d.metadata.name, d]));

  const vmRunner = runner(w, 'virtualmachines', (key): Plan[] => {
    const [ns, name] = splitKey(key);
    const vm = vms.get(ns, name);
    if (!vm) return [];
    const vmi = vmis.get(ns, name);
    const dvs = dvsOf(ns);
    const plans: Plan[] = [];

    const want = vmStatus(vm, vmi, dataVolumesState(vm, dvs));
    if (vmStatusDiffers(vm, want)) {
      plans.push({
        id: `status:${digest({ ...want, conditions: want.conditions.map((c) => [c.type, c.status, c.reason]) })}`,
        track: 'status',
        after: after.status,
        run: () =>
          w.rest
            .mergePatch(pathOfObj(R.virtualMachine, vm, 'status'), { status: want })
            .then(() => {}),
      });
    }

    const action = nextVmAction(vm, vmi, dvs);
    if (action?.kind === 'createDataVolume') {
      const dv = dataVolumeFor(vm, action.name);
      if (dv) {
        plans.push({
          id: `dv:${vm.metadata.uid}:${action.name}`,
          track: 'action',
          after: after.dataVolume,
          run: async () => {
            try {
              await w.rest.create(pathOf(R.dataVolume, ns), dv);
            } catch (err) {
              if (!isStatus(err, 409)) throw err;
            }
            record(vm, 'SuccessfulDataVolumeCreate', `Created DataVolume ${action.name}`);
          },
        });
      }
    } else if (action?.kind === 'createInstance') {
      plans.push({
        id: `start:${vm.metadata.uid}:${vm.metadata.generation}`,
        track: 'action',
        after: after.create,
        run: async () => {
          const it = vm.spec.instancetype?.name
            ? instancetypes.get(undefined, vm.spec.instancetype.name)
            : undefined;
          try {
            await w.rest.create(pathOf(R.virtualMachineInstance, ns), vmiFor(vm, it));
          } catch (err) {
            if (!isStatus(err, 409)) throw err;
          }
          record(
            vm,
            'SuccessfulCreate',
            `Started the virtual machine by creating the new virtual machine instance ${name}`,
          );
        },
      });
    } else if (action?.kind === 'deleteInstance' && vmi) {
      plans.push({
        id: `stop:${vmi.metadata.uid}`,
        track: 'action',
        after: after.delete,
        run: async () => {
          await w.rest.delete(pathOfObj(R.virtualMachineInstance, vmi));
          record(
            vm,
            'SuccessfulDelete',
            `Stopped the virtual machine by deleting the virtual machine instance ${vmi.metadata.uid}`,
          );
        },
      });
    }
    return plans;
  });

  const record = (vm: VmObj, reason: string, message: string) =>
    w.events.record(R.virtualMachine, vm, { reason, message, component: CONTROLLER });

  const vmiRunner = runner(w, 'virtualmachineinstances', (key): Plan[] => {
    const [ns, name] = splitKey(key);
    const vmi = vmis.get(ns, name);
    if (!vmi) {
      reservedIp.delete(key);
      reservedNode.delete(key);
      return [];
    }
    const step = nextVmiStep(vmi, {
      node: () => reservedNode.get(key) ?? pickNode(nodes.list(), load(key)),
      ip: () => reservedIp.get(key) ?? pickIp(vmi.metadata.uid ?? key, usedIps(key)),
    });
    if (!step) {
      // virt-handler recomputes LiveMigratable on every sync (claims may have changed).
      if (vmi.status?.phase !== 'Running' || vmi.metadata.deletionTimestamp) return [];
      const m = migratability(vmi, pvcOf(ns));
      const cur = vmi.status.conditions?.find((c) => c.type === 'LiveMigratable');
      if (
        cur?.status === m.condition.status &&
        (cur.message ?? '') === (m.condition.message ?? '') &&
        vmi.status.migrationMethod === m.method
      )
        return [];
      return [
        {
          id: `migratable:${vmi.metadata.uid}:${m.condition.status}:${m.method}`,
          track: 'migratable',
          after: after.status,
          run: () =>
            patchVmi(vmi, {
              metadata: { resourceVersion: vmi.metadata.resourceVersion },
              status: {
                conditions: mergeConditions(vmi.status?.conditions, [
                  m.condition,
                  { type: 'StorageLiveMigratable', status: 'True' },
                ]),
                migrationMethod: m.method,
              },
            }),
        },
      ];
    }
    const transitions = (phase: string) => [
      ...((vmi.status as { phaseTransitionTimestamps?: unknown[] } | undefined)
        ?.phaseTransitionTimestamps ?? []),
      { phase, phaseTransitionTimestamp: new Date().toISOString() },
    ];
    switch (step.kind) {
      case 'phase':
        return [
          {
            id: `scheduling:${vmi.metadata.uid}`,
            after: after.scheduling,
            run: () =>
              patchVmi(vmi, {
                status: { phase: step.phase, phaseTransitionTimestamps: transitions(step.phase) },
              }),
          },
        ];
      case 'schedule':
        return [
          {
            id: `schedule:${vmi.metadata.uid}:${step.node}`,
            after: after.scheduled,
            run: async () => {
              reservedNode.set(key, step.node);
              await patchVmi(vmi, {
                metadata: { labels: { 'kubevirt.io/nodeName': step.node } },
                status: {
                  phase: 'Scheduled',
                  nodeName: step.node,
                  phaseTransitionTimestamps: transitions('Scheduled'),
                  conditions: [
                    cond('Ready', 'False', 'PodNotReady', 'virt-launcher pod is starting'),
                  ],
                },
              });
            },
          },
        ];
      case 'run':
        return [
          {
            id: `run:${vmi.metadata.uid}:${step.ip}`,
            after: after.running,
            run: async () => {
              reservedIp.set(key, step.ip);
              const vm = vms.get(ns, name);
              const guestOSInfo = vm ? guestOsFor(vm) : undefined;
              const mac = macFor(vmi.metadata.uid ?? key);
              const m = migratability(vmi, pvcOf(ns));
              const hasDvs = (vmi.spec.volumes ?? []).some((v) => v.dataVolume);
              await patchVmi(vmi, {
                status: {
                  phase: 'Running',
                  phaseTransitionTimestamps: transitions('Running'),
                  interfaces: [
                    {
                      name: 'default',
                      interfaceName: 'eth0',
                      ipAddress: step.ip,
                      ipAddresses: [step.ip],
                      mac,
                      infoSource: 'domain, guest-agent',
                      queueCount: 1,
                      linkState: 'up',
                    },
                  ],
                  conditions: mergeConditions(vmi.status?.conditions, [
                    cond('Ready', 'True'),
                    { ...cond('LiveMigratable', m.condition.status), ...m.condition },
                    cond('StorageLiveMigratable', 'True'),
                    cond('AgentConnected', 'True'),
                    ...(hasDvs
                      ? [
                          cond(
                            'DataVolumesReady',
                            'True',
                            'AllDVsReady',
                            "All of the VMI's DVs are bound and ready",
                          ),
                        ]
                      : []),
                  ]),
                  volumeStatus: volumeStatusFor(vmi, pvcOf(ns)),
                  ...(guestOSInfo ? { guestOSInfo } : {}),
                  qosClass: 'Burstable',
                  migrationMethod: m.method,
                  migrationTransport: 'Unix',
                  launcherContainerImageVersion: 'quay.io/kubevirt/virt-launcher:v1.9.0',
                },
              });
              w.events.record(R.virtualMachineInstance, vmi, {
                reason: 'Started',
                message: 'VirtualMachineInstance started.',
                component: HANDLER,
              });
            },
          },
        ];
    }
  });

  const patchVmi = async (vmi: VmiObj, patch: unknown) => {
    // VMIs have no status subresource upstream: status goes with the object.
    await w.rest.mergePatch(pathOfObj(R.virtualMachineInstance, vmi), patch);
  };

  function usedIps(except: string): Set<string> {
    const used = new Set<string>();
    for (const v of vmis.list()) {
      if (keyOf(v) === except) continue;
      for (const i of v.status?.interfaces ?? []) if (i.ipAddress) used.add(i.ipAddress);
    }
    for (const [k, ip] of reservedIp) if (k !== except) used.add(ip);
    return used;
  }

  function load(except: string): Map<string, number> {
    const m = new Map<string, number>();
    const placed = new Map<string, string>();
    for (const v of vmis.list()) if (v.status?.nodeName) placed.set(keyOf(v), v.status.nodeName);
    for (const [k, n] of reservedNode) placed.set(k, n);
    placed.delete(except);
    for (const n of placed.values()) m.set(n, (m.get(n) ?? 0) + 1);
    return m;
  }

  vms.on((vm) => vmRunner.enqueue(keyOf(vm)));
  vmis.on((vmi, _old, deleted) => {
    vmRunner.enqueue(keyOf(vmi));
    vmiRunner.enqueue(keyOf(vmi));
    if (deleted) {
      reservedIp.delete(keyOf(vmi));
      reservedNode.delete(keyOf(vmi));
    }
  });
  dataVolumes.on((dv) => {
    for (const vm of vms.list(dv.metadata.namespace)) vmRunner.enqueue(keyOf(vm));
  });
  nodes.on(() => {
    for (const v of vmis.list()) if (v.status?.phase === 'Scheduling') vmiRunner.enqueue(keyOf(v));
  });
  pvcs.on((pvc) => {
    for (const v of vmis.list(pvc.metadata.namespace)) vmiRunner.enqueue(keyOf(v));
  });
}

function cond(type: string, status: string, reason?: string, message?: string) {
  return {
    type,
    status,
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
    lastProbeTime: null,
    lastTransitionTime: new Date().toISOString(),
  };
}
