// fence-agents-remediation and kube-fencing, as pure steps: a FenceAgentsRemediation goes
// Processing → FenceAgentActionSucceeded → Succeeded; then the node's fencing/state says "fenced".
import type { Condition } from '../kube/types.ts';
import type { FarObj, NodeObj, Taint } from '../kinds.ts';
import { findCondition, setConditions, type ConditionInput } from '../conditions.ts';

export const FENCING_STATE = 'fencing/state';
// Slow on purpose: the demo should show a remediation in progress for a minute or so.
export const delays = { start: 0.5, fence: 60, finish: 20, node: 1, kubeFencingAlone: 8 };

export interface FarStep {
  id: string;
  after: number;
  status: { conditions: Condition[]; lastUpdateTime: string };
  event: { reason: string; message: string };
}

const c = (
  type: string,
  status: Condition['status'],
  reason: string,
  message: string,
): ConditionInput => ({
  type,
  status,
  reason,
  message,
});

export function nextFarStep(far: FarObj, nodeExists: boolean, now: string): FarStep | undefined {
  if (far.metadata.deletionTimestamp) return undefined;
  const uid = far.metadata.uid ?? '';
  const conds = far.status?.conditions;
  const node = far.metadata.name;
  const processing = findCondition(conds, 'Processing');
  const action = findCondition(conds, 'FenceAgentActionSucceeded');
  const done = findCondition(conds, 'Succeeded');
  const make = (
    list: ConditionInput[],
    id: string,
    after: number,
    reason: string,
    message: string,
  ): FarStep => ({
    id: `${id}:${uid}`,
    after,
    status: { conditions: setConditions(conds, list, now), lastUpdateTime: now },
    event: { reason, message },
  });
  if (done && done.status !== 'Unknown') return undefined;
  if (!nodeExists) {
    return make(
      [
        c(
          'Processing',
          'False',
          'RemediationFinishedNodeNotFound',
          "FAR CR name doesn't match a node name",
        ),
        c(
          'FenceAgentActionSucceeded',
          'False',
          'RemediationFinishedNodeNotFound',
          "FAR CR name doesn't match a node name",
        ),
        c(
          'Succeeded',
          'False',
          'RemediationFinishedNodeNotFound',
          "FAR CR name doesn't match a node name",
        ),
      ],
      'not-found',
      delays.start,
      'RemediationFinishedNodeNotFound',
      `Node ${node} not found`,
    );
  }
  if (processing?.status !== 'True') {
    return make(
      [
        c(
          'Processing',
          'True',
          'RemediationStarted',
          'The CR was found and the remediation started',
        ),
        c(
          'FenceAgentActionSucceeded',
          'Unknown',
          'RemediationStarted',
          'The CR was found and the remediation started',
        ),
        c(
          'Succeeded',
          'Unknown',
          'RemediationStarted',
          'The CR was found and the remediation started',
        ),
      ],
      'start',
      delays.start,
      'RemediationStarted',
      `Remediation of node ${node} started`,
    );
  }
  if (action?.status !== 'True') {
    return make(
      [
        c(
          'FenceAgentActionSucceeded',
          'True',
          'FenceAgentSucceeded',
          'FAR taint was added and the fence agent command has been created and executed successfully',
        ),
      ],
      'fenced',
      delays.fence,
      'FenceAgentSucceeded',
      `Fence agent ${far.spec.agent ?? ''} succeeded on node ${node}`.replace('  ', ' '),
    );
  }
  return make(
    [
      c(
        'Processing',
        'False',
        'RemediationFinishedSuccessfully',
        'The unhealthy node was fully remediated (it was fenced and all its workloads were evicted)',
      ),
      c(
        'Succeeded',
        'True',
        'RemediationFinishedSuccessfully',
        'The unhealthy node was fully remediated (it was fenced and all its workloads were evicted)',
      ),
    ],
    'succeeded',
    delays.finish,
    'RemediationFinishedSuccessfully',
    `Node ${node} was remediated`,
  );
}

export const farSucceeded = (far: FarObj | undefined): boolean =>
  findCondition(far?.status?.conditions, 'Succeeded')?.status === 'True';

/**
 * kube-fencing marks a node "fenced" once its fencing job ran. Here that is when the node's
 * FenceAgentsRemediation succeeded, or, with no FAR CRD installed, after a short while.
 */
export function shouldMarkFenced(
  node: NodeObj,
  far: { available: boolean; succeeded: boolean },
): boolean {
  if (node.metadata.annotations?.[FENCING_STATE] !== 'started') return false;
  const ready = node.status?.conditions?.find((x) => x.type === 'Ready');
  if (ready?.status === 'True') return false;
  return far.available ? far.succeeded : true;
}

/** fence-agents-remediation's own taint while it fences (controllers/fenceagentsremediation_controller.go). */
export const FAR_TAINT = 'medik8s.io/fence-agents-remediation';
export const OUT_OF_SERVICE = 'node.kubernetes.io/out-of-service';

/**
 * The node's taints as FAR leaves them at each point: its NoExecute taint from the start, the
 * out-of-service taint once the fence agent succeeded (strategy OutOfServiceTaint), both removed
 * when the remediation is deleted (the node is healthy again). Undefined when nothing changes.
 */
export function farTaints(node: NodeObj, far: FarObj | undefined): Taint[] | undefined {
  const taints = node.spec?.taints ?? [];
  const has = (key: string) => taints.some((t) => t.key === key);
  const gone = !far || !!far.metadata.deletionTimestamp;
  let next = taints;
  if (gone) {
    next = taints.filter((t) => t.key !== FAR_TAINT && t.key !== OUT_OF_SERVICE);
  } else {
    const started = findCondition(far.status?.conditions, 'Processing');
    const fenced = findCondition(far.status?.conditions, 'FenceAgentActionSucceeded');
    if (started && !has(FAR_TAINT)) next = [...next, { key: FAR_TAINT, effect: 'NoExecute' }];
    if (
      fenced?.status === 'True' &&
      far.spec.remediationStrategy === 'OutOfServiceTaint' &&
      !has(OUT_OF_SERVICE)
    )
      next = [...next, { key: OUT_OF_SERVICE, value: 'nodeshutdown', effect: 'NoExecute' }];
  }
  return next.length === taints.length && next.every((t, i) => t === taints[i]) ? undefined : next;
}
