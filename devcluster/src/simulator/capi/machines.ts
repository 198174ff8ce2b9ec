// MachineDeployments and Machines (v1beta2) as pure functions: which Machine to add or remove next
// (one at a time, surging by one on a version rollout), the deployment's status, and a Machine's
// walk from Pending to Running.
import { randomBytes } from 'node:crypto';

import type { Condition, KObj } from '../kube/types.ts';
import type { MachineDeploymentObj, MachineObj } from '../kinds.ts';
import { cond, findCondition, setConditions, type ConditionInput } from '../conditions.ts';
import { CNI_NOT_READY } from '../kubelet/flags.ts';
import { CLUSTER_NAME_LABEL, DEPLOYMENT_NAME_LABEL, STRATUS_CLUSTER_LABEL } from './cluster.ts';

export const delays = {
  create: 0.6,
  delete: 0.8,
  status: 0.2,
  provisioning: 0.8,
  provisioned: 1.5,
  running: 1.5,
};

export const isRunning = (m: MachineObj): boolean => m.status?.phase === 'Running';
/** Running with a Ready node: what CAPI counts as a ready (and available) replica. */
export const isReady = (m: MachineObj): boolean =>
  isRunning(m) && findCondition(m.status?.conditions, 'NodeReady')?.status !== 'False';
const live = (ms: MachineObj[]) => ms.filter((m) => !m.metadata.deletionTimestamp);
export const desiredReplicas = (md: MachineDeploymentObj): number => md.spec.replicas ?? 1;
export const upToDate = (md: MachineDeploymentObj, m: MachineObj): boolean =>
  (m.spec.version ?? '') === (md.spec.template.spec.version ?? '');

export type ScaleStep = { kind: 'create' } | { kind: 'delete'; name: string };

const byAge = (a: MachineObj, b: MachineObj) =>
  (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') ||
  a.metadata.name.localeCompare(b.metadata.name);

export function nextScaleStep(
  md: MachineDeploymentObj,
  machines: MachineObj[],
): ScaleStep | undefined {
  if (md.metadata.deletionTimestamp || md.spec.paused) return undefined;
  const ms = live(machines);
  const desired = desiredReplicas(md);
  const current = ms.filter((m) => upToDate(md, m));
  const old = ms.filter((m) => !upToDate(md, m)).sort(byAge);
  const settled = current.every(isRunning);
  if (ms.length < desired) return { kind: 'create' };
  if (ms.length > desired) {
    // Rolling out with maxSurge 1: keep the old one until its replacement runs.
    if (old.length && ms.length - desired <= 1 && !settled) return undefined;
    const victim =
      old[0] ??
      [...ms].sort((a, b) => Number(isRunning(a)) - Number(isRunning(b)) || byAge(b, a))[0];
    return victim ? { kind: 'delete', name: victim.metadata.name } : undefined;
  }
  if (old.length && settled && ms.every(isRunning)) return { kind: 'create' };
  return undefined;
}

export interface MdStatusView {
  phase: string;
  replicas: number;
  readyReplicas: number;
  availableReplicas: number;
  upToDateReplicas: number;
  selector: string;
  observedGeneration?: number;
  conditions: Condition[];
}

const c = cond;

export function mdStatus(
  md: MachineDeploymentObj,
  machines: MachineObj[],
  now: string,
): MdStatusView {
  const ms = live(machines);
  const desired = desiredReplicas(md);
  const ready = ms.filter(isReady).length;
  const fresh = ms.filter((m) => upToDate(md, m)).length;
  const phase =
    ms.length < desired || ready < Math.min(desired, ms.length)
      ? 'ScalingUp'
      : ms.length > desired
        ? 'ScalingDown'
        : 'Running';
  const notReady = ms.filter((m) => !isReady(m));
  const conditions = [
    ready >= desired
      ? c('Available', 'True', 'Available')
      : c(
          'Available',
          'False',
          'NotAvailable',
          `${ready} available replicas, at least ${desired} required`,
        ),
    notReady.length === 0
      ? c('MachinesReady', 'True', ms.length ? 'Ready' : 'NoReplicas')
      : c(
          'MachinesReady',
          'False',
          'NotReady',
          notReady
            .map((m) => {
              const node = findCondition(m.status?.conditions, 'NodeReady');
              const why =
                node?.status === 'False' && node.message
                  ? node.message
                  : (m.status?.phase ?? 'Pending');
              return `* Machine ${m.metadata.name}: ${why}`;
            })
            .join('\n'),
        ),
    fresh === ms.length
      ? c('MachinesUpToDate', 'True', ms.length ? 'UpToDate' : 'NoReplicas')
      : c(
          'MachinesUpToDate',
          'False',
          'NotUpToDate',
          `${ms.length - fresh} Machines not up-to-date`,
        ),
    fresh < ms.length
      ? c(
          'RollingOut',
          'True',
          'RollingOut',
          `Rolling out ${ms.length - fresh} not up-to-date replicas`,
        )
      : c('RollingOut', 'False', 'NotRollingOut'),
    ms.length < desired
      ? c('ScalingUp', 'True', 'ScalingUp', `Scaling up from ${ms.length} to ${desired} replicas`)
      : c('ScalingUp', 'False', 'NotScalingUp'),
    ms.length > desired
      ? c(
          'ScalingDown',
          'True',
          'ScalingDown',
          `Scaling down from ${ms.length} to ${desired} replicas`,
        )
      : c('ScalingDown', 'False', 'NotScalingDown'),
    c('Remediating', 'False', 'NotRemediating'),
    c('Deleting', 'False', 'NotDeleting'),
    md.spec.paused ? c('Paused', 'True', 'Paused') : c('Paused', 'False', 'NotPaused'),
  ];
  return {
    phase,
    replicas: ms.length,
    readyReplicas: ready,
    availableReplicas: ready,
    upToDateReplicas: fresh,
    selector: Object.entries(md.spec.selector.matchLabels ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(','),
    observedGeneration: md.metadata.generation,
    conditions: setConditions(md.status?.conditions, conditions, now),
  };
}

export function mdStatusDiffers(md: MachineDeploymentObj, want: MdStatusView): boolean {
  const s = md.status ?? {};
  const strip = (l: Condition[] | undefined) =>
    JSON.stringify((l ?? []).map((x) => [x.type, x.status, x.reason, x.message]).sort());
  return (
    s.phase !== want.phase ||
    s.replicas !== want.replicas ||
    s.readyReplicas !== want.readyReplicas ||
    s.availableReplicas !== want.availableReplicas ||
    s.upToDateReplicas !== want.upToDateReplicas ||
    s.selector !== want.selector ||
    s.observedGeneration !== want.observedGeneration ||
    strip(s.conditions) !== strip(want.conditions)
  );
}

const suffix = () =>
  Array.from(randomBytes(5), (b) => 'bcdfghjklmnpqrstvwxz2456789'[b % 27] ?? 'x').join('');

/** A Machine as the MachineSet controller makes it (owned here by the MachineDeployment directly). */
export function machineFor(
  md: MachineDeploymentObj,
  name = `${md.metadata.name}-${suffix()}`,
): KObj {
  const t = md.spec.template;
  const stratus = md.metadata.labels?.[STRATUS_CLUSTER_LABEL];
  return {
    apiVersion: 'cluster.x-k8s.io/v1beta2',
    kind: 'Machine',
    metadata: {
      name,
      namespace: md.metadata.namespace,
      labels: {
        ...(t.metadata?.labels ?? {}),
        [CLUSTER_NAME_LABEL]: md.spec.clusterName,
        [DEPLOYMENT_NAME_LABEL]: md.metadata.name,
        ...(stratus ? { [STRATUS_CLUSTER_LABEL]: stratus } : {}),
      },
      ownerReferences: [
        {
          apiVersion: 'cluster.x-k8s.io/v1beta2',
          kind: 'MachineDeployment',
          name: md.metadata.name,
          uid: md.metadata.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      clusterName: md.spec.clusterName,
      ...(t.spec.version ? { version: t.spec.version } : {}),
      bootstrap: t.spec.bootstrap.configRef
        ? { configRef: { apiGroup: 'bootstrap.cluster.x-k8s.io', kind: 'KubeadmConfig', name } }
        : { dataSecretName: t.spec.bootstrap.dataSecretName ?? name },
      infrastructureRef: {
        apiGroup: t.spec.infrastructureRef.apiGroup,
        kind: 'KubevirtMachine',
        name,
      },
    },
  };
}

export interface MachineStep {
  id: string;
  after: number;
  status: Record<string, unknown>;
  event?: { reason: string; message: string; type?: 'Normal' | 'Warning' };
}

export interface MachineContext {
  clusterLive: boolean;
  cpInitialized: boolean;
  address: () => string;
  /** Why the kubelet on this machine refuses to start (its bootstrap config), if it does. */
  kubeletError?: string;
  /** Whether a CNI runs in the tenant cluster: until then its nodes are NotReady. */
  cniReady: boolean;
}

/** The node's Ready as the Machine mirrors it: NotReady until the cluster has a CNI. */
function nodeConditions(cniReady: boolean): ConditionInput[] {
  return cniReady
    ? [
        c('NodeReady', 'True', 'NodeReady'),
        c('NodeHealthy', 'True', 'NodeHealthy'),
        c('Ready', 'True', 'Ready'),
        c('Available', 'True', 'Available'),
      ]
    : [
        c('NodeReady', 'False', 'NodeNotReady', CNI_NOT_READY),
        c('NodeHealthy', 'False', 'NodeNotHealthy', `* Node.Ready: ${CNI_NOT_READY}`),
        c('Ready', 'False', 'NotReady', `* NodeReady: ${CNI_NOT_READY}`),
        c('Available', 'False', 'NotReady'),
      ];
}

/**
 * Pending → Provisioning → Provisioned (VM up) → Running (node joined; needs the control plane and
 * a kubelet that starts), then NodeReady follows the CNI.
 */
export function nextMachineStep(
  m: MachineObj,
  ctx: MachineContext,
  now: string,
): MachineStep | undefined {
  if (!ctx.clusterLive || m.metadata.deletionTimestamp) return undefined;
  const uid = m.metadata.uid ?? '';
  const phase = m.status?.phase ?? '';
  const conds = (list: ConditionInput[]) => setConditions(m.status?.conditions, list, now);
  const base = [
    c('UpToDate', 'True', 'UpToDate'),
    c('Deleting', 'False', 'NotDeleting'),
    c('Paused', 'False', 'NotPaused'),
  ];
  if (phase === '' || phase === 'Pending') {
    return {
      id: `${phase === '' ? 'pending' : 'provisioning'}:${uid}`,
      after: phase === '' ? 0.1 : delays.provisioning,
      status: {
        phase: phase === '' ? 'Pending' : 'Provisioning',
        initialization: {
          bootstrapDataSecretCreated: phase !== '',
          infrastructureProvisioned: false,
        },
        conditions: conds([
          ...base,
          c(
            'BootstrapConfigReady',
            phase === '' ? 'False' : 'True',
            phase === '' ? 'NotReady' : 'Ready',
          ),
          c('InfrastructureReady', 'False', 'NotReady', 'KubevirtMachine status.ready is false'),
          c('NodeReady', 'Unknown', 'NodeDoesNotExist', 'Waiting for a Node with spec.providerID'),
          c('NodeHealthy', 'Unknown', 'NodeDoesNotExist'),
          c('Ready', 'False', 'NotReady', 'Machine is provisioning'),
          c('Available', 'False', 'NotReady'),
        ]),
      },
    };
  }
  if (phase === 'Provisioning') {
    const ip = ctx.address();
    return {
      id: `provisioned:${uid}`,
      after: delays.provisioned,
      status: {
        phase: 'Provisioned',
        initialization: { bootstrapDataSecretCreated: true, infrastructureProvisioned: true },
        addresses: [
          { type: 'InternalIP', address: ip },
          { type: 'Hostname', address: m.metadata.name },
        ],
        conditions: conds([c('InfrastructureReady', 'True', 'Ready')]),
      },
    };
  }
  if (phase === 'Provisioned' && ctx.cpInitialized && ctx.kubeletError) {
    const message = `kubelet failed to start: ${ctx.kubeletError}`;
    if (findCondition(m.status?.conditions, 'NodeReady')?.message === message) return undefined;
    return {
      id: `kubelet:${uid}:${message.length}`,
      after: delays.running,
      status: {
        conditions: conds([
          c('NodeReady', 'False', 'NodeDoesNotExist', message),
          c('NodeHealthy', 'False', 'NodeDoesNotExist', message),
          c('Ready', 'False', 'NotReady', `* NodeReady: ${message}`),
          c('Available', 'False', 'NotReady'),
        ]),
      },
      event: { type: 'Warning', reason: 'KubeletFailed', message: ctx.kubeletError },
    };
  }
  if (phase === 'Running') {
    const want = ctx.cniReady ? 'True' : 'False';
    if (findCondition(m.status?.conditions, 'NodeReady')?.status === want) return undefined;
    return {
      id: `node:${uid}:${want}`,
      after: delays.status,
      status: { conditions: conds(nodeConditions(ctx.cniReady)) },
      ...(ctx.cniReady
        ? { event: { reason: 'NodeReady', message: `Node ${m.metadata.name} is Ready` } }
        : {}),
    };
  }
  if (phase === 'Provisioned' && ctx.cpInitialized) {
    return {
      id: `running:${uid}`,
      after: delays.running,
      status: {
        phase: 'Running',
        nodeRef: { name: m.metadata.name },
        nodeInfo: {
          architecture: 'amd64',
          bootID: uid,
          containerRuntimeVersion: 'containerd://1.7.28',
          kernelVersion: '6.8.0-85-generic',
          kubeProxyVersion: '',
          kubeletVersion: m.spec.version ?? '',
          machineID: uid.replaceAll('-', ''),
          operatingSystem: 'linux',
          osImage: 'Ubuntu 24.04.3 LTS',
          systemUUID: uid,
        },
        conditions: conds(nodeConditions(ctx.cniReady)),
      },
      event: { reason: 'SuccessfulSetNodeRef', message: m.metadata.name },
    };
  }
  return undefined;
}
