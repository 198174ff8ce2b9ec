// Cluster API's view of a Cluster (v1beta2), as pure functions of the Cluster and the objects it
// references: status summary, phase, control-plane endpoint and the kubeconfig Secret.
import YAML from 'yaml';

import type { Condition } from '../kube/types.ts';
import type {
  ClusterObj,
  Endpoint,
  KcpObj,
  KvcObj,
  MachineDeploymentObj,
  ReplicaSummary,
} from '../kinds.ts';
import { findCondition, setConditions, type ConditionInput } from '../conditions.ts';
import type { KObj } from '../kube/types.ts';

export const CLUSTER_NAME_LABEL = 'cluster.x-k8s.io/cluster-name';
export const DEPLOYMENT_NAME_LABEL = 'cluster.x-k8s.io/deployment-name';
export const STRATUS_CLUSTER_LABEL = 'stratus.dev/cluster';

export interface ClusterParts {
  cluster: ClusterObj;
  kcp?: KcpObj;
  kvc?: KvcObj;
  mds: MachineDeploymentObj[];
}

export const isDeleting = (o: { metadata: { deletionTimestamp?: string } } | undefined): boolean =>
  !!o?.metadata.deletionTimestamp;

export const infraProvisioned = (kvc: KvcObj | undefined): boolean => kvc?.status?.ready === true;
export const cpInitialized = (kcp: KcpObj | undefined): boolean =>
  kcp?.status?.initialization?.controlPlaneInitialized === true;
export const endpointValid = (e: Endpoint | undefined): boolean => !!e?.host && !!e.port;

/** Kamaji would put a LoadBalancer address here; the dev cloud uses a stable placeholder name. */
export function endpointFor(namespace: string | undefined, name: string): Required<Endpoint> {
  return { host: `${name}.${namespace ?? 'default'}.k8s.stratus.local`, port: 6443 };
}

export function controlPlaneSummary(kcp: KcpObj | undefined): ReplicaSummary | undefined {
  if (!kcp) return undefined;
  const s = kcp.status ?? {};
  return {
    desiredReplicas: kcp.spec.replicas ?? 2,
    replicas: s.replicas ?? 0,
    readyReplicas: s.readyReplicas ?? 0,
    availableReplicas: s.availableReplicas ?? 0,
    upToDateReplicas: s.upToDateReplicas ?? 0,
  };
}

export function workersSummary(mds: MachineDeploymentObj[]): ReplicaSummary {
  const sum = (f: (md: MachineDeploymentObj) => number | undefined) =>
    mds.reduce((n, md) => n + (f(md) ?? 0), 0);
  return {
    desiredReplicas: sum((md) => md.spec.replicas ?? 1),
    replicas: sum((md) => md.status?.replicas),
    readyReplicas: sum((md) => md.status?.readyReplicas),
    availableReplicas: sum((md) => md.status?.availableReplicas),
    upToDateReplicas: sum((md) => md.status?.upToDateReplicas),
  };
}

const upgrading = (kcp: KcpObj | undefined): boolean =>
  !!kcp?.status?.version && cpInitialized(kcp) && kcp.status.version !== kcp.spec.version;

function clusterConditions(p: ClusterParts): ConditionInput[] {
  const { cluster, kcp, kvc, mds } = p;
  const infra: ConditionInput = !kvc
    ? c(
        'InfrastructureReady',
        'False',
        'InfrastructureDoesNotExist',
        `KubevirtCluster does not exist`,
      )
    : infraProvisioned(kvc)
      ? c('InfrastructureReady', 'True', 'Ready')
      : c('InfrastructureReady', 'False', 'NotReady', 'KubevirtCluster status.ready is false');
  const cpInit = cpInitialized(kcp)
    ? c('ControlPlaneInitialized', 'True', 'Initialized')
    : c('ControlPlaneInitialized', 'False', 'NotInitialized', 'Control plane not yet initialized');
  const cpAvail: ConditionInput = !kcp
    ? c(
        'ControlPlaneAvailable',
        'False',
        'ControlPlaneDoesNotExist',
        'KamajiControlPlane does not exist',
      )
    : findCondition(kcp.status?.conditions, 'Available')?.status === 'True'
      ? c('ControlPlaneAvailable', 'True', 'Available')
      : c('ControlPlaneAvailable', 'False', 'NotAvailable', 'KamajiControlPlane is not available');
  const notAvailable = mds.filter(
    (md) => findCondition(md.status?.conditions, 'Available')?.status !== 'True',
  );
  const workers: ConditionInput =
    mds.length === 0
      ? c('WorkersAvailable', 'True', 'NoWorkers')
      : notAvailable.length === 0
        ? c('WorkersAvailable', 'True', 'Available')
        : c(
            'WorkersAvailable',
            'False',
            'NotAvailable',
            notAvailable
              .map((md) => {
                const have = md.status?.availableReplicas ?? 0;
                return `* MachineDeployment ${md.metadata.name}: ${have} available replicas, at least ${md.spec.replicas ?? 1} required`;
              })
              .join('\n'),
          );
  const probe = cpInitialized(kcp)
    ? c('RemoteConnectionProbe', 'True', 'ProbeSucceeded')
    : c('RemoteConnectionProbe', 'False', 'ProbeFailed', 'Remote connection not established yet');
  const w = workersSummary(mds);
  const cp = controlPlaneSummary(kcp);
  const rolling =
    upgrading(kcp) ||
    mds.some((md) => (md.status?.upToDateReplicas ?? 0) < (md.status?.replicas ?? 0));
  const rollingOut = rolling
    ? c(
        'RollingOut',
        'True',
        'RollingOut',
        upgrading(kcp)
          ? `Rolling out control plane to ${kcp?.spec.version}`
          : 'Rolling out MachineDeployments',
      )
    : c('RollingOut', 'False', 'NotRollingOut');
  const scalingUp =
    (w.replicas ?? 0) < (w.desiredReplicas ?? 0) ||
    (cp && (cp.replicas ?? 0) < (cp.desiredReplicas ?? 0))
      ? c('ScalingUp', 'True', 'ScalingUp', 'Scaling up')
      : c('ScalingUp', 'False', 'NotScalingUp');
  const scalingDown =
    (w.replicas ?? 0) > (w.desiredReplicas ?? 0) ||
    (cp && (cp.replicas ?? 0) > (cp.desiredReplicas ?? 0))
      ? c('ScalingDown', 'True', 'ScalingDown', 'Scaling down')
      : c('ScalingDown', 'False', 'NotScalingDown');
  const paused = cluster.spec?.paused
    ? c('Paused', 'True', 'Paused')
    : c('Paused', 'False', 'NotPaused');
  const blockers = [infra, cpAvail, workers, probe].filter((x) => x.status !== 'True');
  const available =
    blockers.length === 0 && !isDeleting(cluster)
      ? c('Available', 'True', 'Available')
      : c(
          'Available',
          'False',
          isDeleting(cluster) ? 'Deleting' : 'NotAvailable',
          blockers.map((b) => `* ${b.type}: ${b.message || b.reason}`).join('\n'),
        );
  return [
    available,
    infra,
    cpInit,
    cpAvail,
    workers,
    probe,
    rollingOut,
    scalingUp,
    scalingDown,
    paused,
  ];
}

function c(
  type: string,
  status: Condition['status'],
  reason: string,
  message = '',
): ConditionInput {
  return { type, status, reason, message };
}

export interface ClusterStatusView {
  phase: string;
  initialization: { infrastructureProvisioned: boolean; controlPlaneInitialized: boolean };
  controlPlane?: ReplicaSummary;
  workers: ReplicaSummary;
  conditions: Condition[];
  observedGeneration?: number;
}

/**
 * Pending on first sight, Provisioned once infrastructure is up and the endpoint is set. The step
 * Pending → Provisioning is timed by the controller (nextPhase), so it can be watched.
 */
export function clusterStatus(p: ClusterParts, now: string): ClusterStatusView {
  const cur = p.cluster.status?.phase ?? '';
  const provisioned =
    (cur === 'Provisioning' || cur === 'Provisioned') &&
    infraProvisioned(p.kvc) &&
    endpointValid(p.cluster.spec?.controlPlaneEndpoint);
  const phase = cur === '' ? 'Pending' : provisioned ? 'Provisioned' : cur;
  return {
    phase,
    initialization: {
      infrastructureProvisioned:
        infraProvisioned(p.kvc) || !!p.cluster.status?.initialization?.infrastructureProvisioned,
      controlPlaneInitialized:
        cpInitialized(p.kcp) || !!p.cluster.status?.initialization?.controlPlaneInitialized,
    },
    ...(p.kcp ? { controlPlane: controlPlaneSummary(p.kcp) } : {}),
    workers: workersSummary(p.mds),
    conditions: setConditions(p.cluster.status?.conditions, clusterConditions(p), now),
    observedGeneration: p.cluster.metadata.generation,
  };
}

export function nextPhase(cluster: ClusterObj): string | undefined {
  const hasRefs = !!cluster.spec?.infrastructureRef || !!cluster.spec?.controlPlaneRef;
  return cluster.status?.phase === 'Pending' && hasRefs && !isDeleting(cluster)
    ? 'Provisioning'
    : undefined;
}

/** Compare everything the status track writes, ignoring condition timestamps. */
export function clusterStatusDiffers(cluster: ClusterObj, want: ClusterStatusView): boolean {
  const s = cluster.status ?? {};
  const strip = (l: Condition[] | undefined) =>
    JSON.stringify((l ?? []).map((x) => [x.type, x.status, x.reason, x.message]).sort());
  return (
    s.phase !== want.phase ||
    JSON.stringify(s.initialization ?? {}) !== JSON.stringify(want.initialization) ||
    JSON.stringify(s.controlPlane ?? null) !== JSON.stringify(want.controlPlane ?? null) ||
    JSON.stringify(s.workers ?? {}) !== JSON.stringify(want.workers) ||
    s.observedGeneration !== want.observedGeneration ||
    strip(s.conditions) !== strip(want.conditions)
  );
}

/** A kubeconfig for the tenant cluster: one cluster, one token user, one context. */
export function kubeconfigFor(
  clusterName: string,
  endpoint: Endpoint,
  caPem: string,
  token: string,
): string {
  const user = `${clusterName}-admin`;
  const context = `${user}@${clusterName}`;
  return YAML.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: clusterName,
        cluster: {
          server: `https://${endpoint.host}:${endpoint.port ?? 6443}`,
          'certificate-authority-data': Buffer.from(caPem).toString('base64'),
        },
      },
    ],
    users: [{ name: user, user: { token } }],
    contexts: [{ name: context, context: { cluster: clusterName, user } }],
    'current-context': context,
    preferences: {},
  });
}

export function kubeconfigSecret(cluster: ClusterObj, kubeconfig: string): KObj {
  const name = cluster.metadata.name;
  const stratus = cluster.metadata.labels?.[STRATUS_CLUSTER_LABEL];
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'cluster.x-k8s.io/secret',
    metadata: {
      name: `${name}-kubeconfig`,
      namespace: cluster.metadata.namespace,
      labels: {
        [CLUSTER_NAME_LABEL]: name,
        ...(stratus ? { [STRATUS_CLUSTER_LABEL]: stratus } : {}),
      },
      ownerReferences: [
        {
          apiVersion: 'cluster.x-k8s.io/v1beta2',
          kind: 'Cluster',
          name,
          uid: cluster.metadata.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    data: { value: Buffer.from(kubeconfig).toString('base64') },
  };
}

/** Whether `obj` already carries the (non-controller) owner reference CAPI adds to a Cluster's parts. */
export const ownedByCluster = (obj: KObj, cluster: ClusterObj): boolean =>
  (obj.metadata.ownerReferences ?? []).some((o) => o.uid === cluster.metadata.uid);

export function withClusterOwner(obj: KObj, cluster: ClusterObj) {
  return [
    ...(obj.metadata.ownerReferences ?? []),
    {
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'Cluster',
      name: cluster.metadata.name,
      uid: cluster.metadata.uid ?? '',
    },
  ];
}
