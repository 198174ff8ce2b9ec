// Plays baremetal-operator's power loop for BareMetalHosts: spec.online and reboot.metal3.io
// annotations become status.poweredOn after a delay; a host whose BMC is failing stays failing.
import { keyOf, pathOfObj, R } from '../kube/types.ts';
import { nowIso } from '../conditions.ts';
import type { Plan } from '../runner.ts';
import { runner, splitKey, type World } from '../world.ts';
import { powerStep, REBOOT, type BareMetalHostObj } from './power.ts';

const COMPONENT = 'metal3-baremetal-controller';
const after = { power: 2, drop: 0.3, fail: 1 };

export function startMetal3(w: World): void {
  const hosts = w.inf.bareMetalHosts;
  if (!hosts.available) return;
  const r = runner(w, 'baremetalhosts', (key): Plan[] => {
    const [ns, name] = splitKey(key);
    const h = hosts.get(ns, name);
    if (!h) return [];
    const step = powerStep(h);
    const status = (patch: Record<string, unknown>) =>
      w.rest.mergePatch<BareMetalHostObj>(pathOfObj(R.bareMetalHost, h, 'status'), {
        status: { ...patch, lastUpdated: nowIso() },
      });
    switch (step.kind) {
      case 'none':
        return [];
      case 'dropReboot':
        return [
          {
            id: `drop:${h.metadata.uid}:${h.metadata.resourceVersion}`,
            after: after.drop,
            run: async () => {
              await w.rest.mergePatch(pathOfObj(R.bareMetalHost, h), {
                metadata: { annotations: { [REBOOT]: null } },
              });
            },
          },
        ];
      case 'power':
        return [
          {
            id: `power:${h.metadata.uid}:${step.on}`,
            after: after.power,
            run: async () => {
              await status({ poweredOn: step.on, errorCount: 0 });
              w.events.record(R.bareMetalHost, h, {
                type: 'Normal',
                reason: step.on ? 'PowerOn' : 'PowerOff',
                message: step.on ? 'Host powered on' : 'Host powered off',
                component: COMPONENT,
              });
            },
          },
        ];
      case 'fail':
        return [
          {
            id: `fail:${h.metadata.uid}:${h.metadata.generation ?? 0}`,
            after: after.fail,
            run: async () => {
              // Counted once per spec change: the next change retries, as BMO's backoff would.
              await status({ errorCount: (h.status?.errorCount ?? 0) + 1 });
              w.events.record(R.bareMetalHost, h, {
                type: 'Warning',
                reason: 'PowerManagementError',
                message: step.message,
                component: COMPONENT,
              });
            },
          },
        ];
    }
  });
  hosts.on((h) => r.enqueue(keyOf(h)));
}
