// Per node group: what its MachineHealthCheck sees and which machines it is replacing. Pure.
import { findCondition } from '../k8s/conditions';
import { NODE_GROUP_LABEL } from './labels';
import type { MachineHealthCheckObject, MachineObject } from './types';

export interface HealthCheckSummary {
  name: string;
  group: string;
  expected: number;
  healthy: number;
  remediationsAllowed: number;
  /** Remediation stops once more than this many are unhealthy (count or percentage). */
  maxUnhealthy: string | undefined;
  /** Machines the check found unhealthy, with what it said. */
  remediating: { machine: string; reason: string }[];
}

function selects(mhc: MachineHealthCheckObject, m: MachineObject): boolean {
  const want = mhc.spec?.selector?.matchLabels ?? {};
  const have = m.metadata?.labels ?? {};
  return Object.entries(want).every(([k, v]) => have[k] === v);
}

/**
 * `status.targets` lists every machine a check watches, so the ones being remediated are those
 * whose HealthCheckSucceeded condition is False (Cluster API sets it before remediating).
 */
export function healthChecks(
  mhcs: MachineHealthCheckObject[],
  machines: MachineObject[],
): HealthCheckSummary[] {
  return mhcs
    .map((mhc): HealthCheckSummary => {
      const st = mhc.status ?? {};
      const limit = mhc.spec?.remediation?.triggerIf?.unhealthyLessThanOrEqualTo;
      return {
        name: mhc.metadata?.name ?? '',
        group: mhc.metadata?.labels?.[NODE_GROUP_LABEL] ?? mhc.metadata?.name ?? '',
        expected: st.expectedMachines ?? 0,
        healthy: st.currentHealthy ?? 0,
        remediationsAllowed: st.remediationsAllowed ?? 0,
        maxUnhealthy: limit === undefined ? undefined : String(limit),
        remediating: machines
          .filter((m) => selects(mhc, m))
          .flatMap((m) => {
            const c = findCondition(m.status?.conditions, 'HealthCheckSucceeded');
            return c?.status === 'False'
              ? [{ machine: m.metadata?.name ?? '', reason: c.message || c.reason || '' }]
              : [];
          })
          .sort((a, b) => a.machine.localeCompare(b.machine)),
      };
    })
    .sort((a, b) => a.group.localeCompare(b.group));
}
