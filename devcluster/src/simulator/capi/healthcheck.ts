// Cluster API's MachineHealthCheck (v1beta2) as pure functions: which Machines it targets, which
// are unhealthy, whether remediation is allowed (triggerIf.unhealthyLessThanOrEqualTo), and the
// status it writes. The simulator honours the cluster.x-k8s.io/remediate-machine annotation (MHC
// always flags such Machines) and a node that reports NotReady; time-based thresholds
// (timeoutSeconds, nodeStartupTimeoutSeconds) are not simulated, so remediation follows only the
// annotation. Condition types and reasons as in sigs.k8s.io/cluster-api/api/core/v1beta2.
import type { Condition, KObj } from '../kube/types.ts';
import type { MachineObj } from '../kinds.ts';
import { cond, findCondition, setConditions } from '../conditions.ts';

export const REMEDIATE_ANNOTATION = 'cluster.x-k8s.io/remediate-machine';

export interface MhcObj extends KObj {
  spec: {
    clusterName: string;
    selector: { matchLabels?: Record<string, string> };
    remediation?: { triggerIf?: { unhealthyLessThanOrEqualTo?: string | number } };
  };
  status?: {
    expectedMachines?: number;
    currentHealthy?: number;
    remediationsAllowed?: number;
    targets?: string[];
    observedGeneration?: number;
    conditions?: Condition[];
  };
}

export function targetsOf(mhc: MhcObj, machines: MachineObj[]): MachineObj[] {
  const sel = Object.entries(mhc.spec.selector.matchLabels ?? {});
  return machines.filter(
    (m) =>
      m.spec.clusterName === mhc.spec.clusterName &&
      !m.metadata.deletionTimestamp &&
      sel.every(([k, v]) => m.metadata.labels?.[k] === v),
  );
}

export function unhealthyReason(m: MachineObj): { reason: string; message: string } | undefined {
  if (m.metadata.annotations?.[REMEDIATE_ANNOTATION] !== undefined)
    return {
      reason: 'HasRemediateAnnotation',
      message: 'Marked for remediation via remediate-machine annotation',
    };
  const node = findCondition(m.status?.conditions, 'NodeReady');
  if (m.status?.phase === 'Running' && node?.status === 'False')
    return {
      reason: 'UnhealthyNode',
      message: `Condition Ready on Node ${m.metadata.name} is False`,
    };
  return undefined;
}

/** How many unhealthy Machines may be remediated now (0 when there are too many). */
export function remediationsAllowed(mhc: MhcObj, total: number, unhealthy: number): number {
  const max = maxUnhealthy(mhc, total);
  return unhealthy <= max ? max - unhealthy : 0;
}

export interface MhcStatusView {
  expectedMachines: number;
  currentHealthy: number;
  remediationsAllowed: number;
  targets: string[];
  observedGeneration: number;
  conditions: Condition[];
}

export function mhcStatus(mhc: MhcObj, machines: MachineObj[], now: string): MhcStatusView {
  const targets = targetsOf(mhc, machines);
  const unhealthy = targets.filter((m) => unhealthyReason(m));
  const allowed = remediationsAllowed(mhc, targets.length, unhealthy.length);
  const tooMany = !withinLimit(mhc, targets.length, unhealthy.length);
  return {
    expectedMachines: targets.length,
    currentHealthy: targets.length - unhealthy.length,
    remediationsAllowed: allowed,
    targets: targets.map((m) => m.metadata.name).sort(),
    observedGeneration: mhc.metadata.generation ?? 1,
    conditions: setConditions(
      mhc.status?.conditions,
      [
        tooMany
          ? cond(
              'RemediationAllowed',
              'False',
              'TooManyUnhealthy',
              `Remediation is not allowed, the number of not started or unhealthy machines exceeds maxUnhealthy (total: ${targets.length}, unhealthy: ${unhealthy.length}, maxUnhealthy: ${String(mhc.spec.remediation?.triggerIf?.unhealthyLessThanOrEqualTo ?? '100%')})`,
            )
          : cond('RemediationAllowed', 'True', 'RemediationAllowed'),
      ],
      now,
    ),
  };
}

function maxUnhealthy(mhc: MhcObj, total: number): number {
  const limit = mhc.spec.remediation?.triggerIf?.unhealthyLessThanOrEqualTo ?? '100%';
  if (typeof limit === 'number') return limit;
  return limit.endsWith('%')
    ? Math.floor((Number(limit.slice(0, -1)) / 100) * total)
    : Number(limit);
}

const withinLimit = (mhc: MhcObj, total: number, unhealthy: number): boolean =>
  unhealthy <= maxUnhealthy(mhc, total);

/** Machines to hand to their owner for remediation now (annotated ones, while allowed). */
export function toRemediate(mhc: MhcObj, machines: MachineObj[]): MachineObj[] {
  const targets = targetsOf(mhc, machines);
  const unhealthy = targets.filter((m) => unhealthyReason(m));
  if (!withinLimit(mhc, targets.length, unhealthy.length)) return [];
  return unhealthy.filter((m) => unhealthyReason(m)?.reason === 'HasRemediateAnnotation');
}

/** The Machine's conditions once MHC flags it: the MachineSet then deletes and replaces it. */
export function flaggedConditions(m: MachineObj, now: string): Condition[] {
  const why = unhealthyReason(m) ?? { reason: 'UnhealthyMachine', message: '' };
  return setConditions(
    m.status?.conditions,
    [
      cond('HealthCheckSucceeded', 'False', why.reason, why.message),
      cond('OwnerRemediated', 'False', 'WaitingForRemediation', 'Waiting for remediation'),
    ],
    now,
  );
}
