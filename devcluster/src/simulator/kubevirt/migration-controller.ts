// Plays virt-controller's migration controller and the source/target virt-handlers for
// VirtualMachineInstanceMigrations; the decisions are in migration.ts.
import type { MigrationState, VmimObj } from '../kinds.ts';
import { keyOf, pathOfObj, R } from '../kube/types.ts';
import type { Plan } from '../runner.ts';
import { runner, splitKey, type World } from '../world.ts';
import {
  decideMigration,
  isFinalMigration,
  MIGRATION_FINALIZER,
  MIGRATION_SELECTOR_LABEL,
  withTransition,
  type MigrationStep,
} from './migration.ts';
import { isSchedulable } from './vm.ts';

const CONTROLLER = 'virtualmachine-controller';
const HANDLER = 'virt-handler';

export function startMigrations(w: World): void {
  const { migrations, vmis, nodes } = w.inf;
  if (!migrations.available || !vmis.available) return;
  // Target node picked at Scheduling, until the hand-off records it on the VMI.
  const reserved = new Map<string, string>();
  const warned = new Set<string>();

  const r = runner(
    w,
    'migrations',
    (key): Plan[] => {
      const [ns, name] = splitKey(key);
      const m = migrations.get(ns, name);
      if (!m) {
        reserved.delete(key);
        warned.delete(key);
        return [];
      }
      const step = decideMigration(m, {
        vmi: vmis.get(ns, m.spec.vmiName),
        others: migrations
          .list(ns)
          .filter((o) => o.spec.vmiName === m.spec.vmiName && o.metadata.uid !== m.metadata.uid),
        nodes: nodes.list(),
        schedulable: isSchedulable,
        reservedNode: reserved.get(key),
        warnedUnschedulable: warned.has(key),
        now: new Date().toISOString(),
      });
      if (!step) return [];
      return [{ id: step.id, after: step.after, run: () => apply(key, m, step) }];
    },
    (key) => {
      const [ns, name] = splitKey(key);
      const m = migrations.get(ns, name);
      return (
        !!m?.metadata.deletionTimestamp &&
        (m.metadata.finalizers ?? []).includes(MIGRATION_FINALIZER)
      );
    },
  );

  async function apply(key: string, m: VmimObj, step: MigrationStep): Promise<void> {
    const [ns] = splitKey(key);
    const vmi = vmis.get(ns, m.spec.vmiName);
    const now = new Date().toISOString();
    if (step.adopt) {
      // virt-api's mutating webhook adds these at creation; nothing runs it here.
      await w.rest.mergePatch(pathOfObj(R.virtualMachineInstanceMigration, m), {
        metadata: {
          labels: { [MIGRATION_SELECTOR_LABEL]: m.spec.vmiName },
          finalizers: [
            ...(m.metadata.finalizers ?? []).filter((f) => f !== MIGRATION_FINALIZER),
            MIGRATION_FINALIZER,
          ],
          resourceVersion: m.metadata.resourceVersion,
        },
      });
      return;
    }
    if (step.reserveNode) reserved.set(key, step.reserveNode);
    if (step.id.startsWith('unschedulable:')) warned.add(key);
    if (step.vmiState && vmi) {
      const old = vmi.status?.migrationState ?? {};
      // A merge patch merges objects: a new migration's state nulls what the last one left.
      const state: Record<string, unknown> = step.newState
        ? { ...Object.fromEntries(Object.keys(old).map((k) => [k, null])), ...step.vmiState }
        : ({ ...old, ...step.vmiState } satisfies MigrationState);
      // VMIs have no status subresource: status goes with the object. The resourceVersion
      // guards against a concurrent pause/unpause patch.
      await w.rest.mergePatch(pathOfObj(R.virtualMachineInstance, vmi), {
        metadata: {
          resourceVersion: vmi.metadata.resourceVersion,
          ...(step.vmiPatch?.labels ? { labels: step.vmiPatch.labels } : {}),
        },
        status: {
          migrationState: state,
          ...(step.vmiPatch?.nodeName ? { nodeName: step.vmiPatch.nodeName } : {}),
        },
      });
    }
    if (step.phase || step.addConditions?.length) {
      const status: Record<string, unknown> = {};
      if (step.phase) {
        status.phase = step.phase;
        status.phaseTransitionTimestamps = withTransition(
          m.status?.phaseTransitionTimestamps,
          step.phase,
          now,
        );
      }
      if (step.addConditions?.length)
        status.conditions = [...(m.status?.conditions ?? []), ...step.addConditions];
      await w.rest.mergePatch(pathOfObj(R.virtualMachineInstanceMigration, m, 'status'), {
        status,
      });
    }
    if (step.finalize) {
      const state = vmi?.status?.migrationState;
      let rv = m.metadata.resourceVersion;
      if (state && state.migrationUid === m.metadata.uid && isFinalMigration(m)) {
        const updated = await w.rest.mergePatch<VmimObj>(
          pathOfObj(R.virtualMachineInstanceMigration, m, 'status'),
          { status: { migrationState: state } },
        );
        rv = updated.metadata.resourceVersion;
      }
      await w.rest.mergePatch(pathOfObj(R.virtualMachineInstanceMigration, m), {
        metadata: {
          finalizers: (m.metadata.finalizers ?? []).filter((f) => f !== MIGRATION_FINALIZER),
          resourceVersion: rv,
        },
      });
      reserved.delete(key);
    }
    for (const e of step.events ?? []) {
      if (e.on === 'migration')
        w.events.record(R.virtualMachineInstanceMigration, m, { ...e, component: CONTROLLER });
      else if (vmi) w.events.record(R.virtualMachineInstance, vmi, { ...e, component: HANDLER });
    }
  }

  migrations.on((m) => r.enqueue(keyOf(m)));
  vmis.on((vmi) => {
    for (const m of migrations.list(vmi.metadata.namespace))
      if (m.spec.vmiName === vmi.metadata.name) r.enqueue(keyOf(m));
  });
  nodes.on(() => {
    for (const m of migrations.list()) if (m.status?.phase === 'Scheduling') r.enqueue(keyOf(m));
  });
}
