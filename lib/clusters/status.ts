// What a person needs to know about a tenant cluster, derived from its CAPI objects. Pure.
import { msg, type Msg } from '../i18n/messages';
import type { KubeObject } from '../k8s/types';
import { CAPI_CLUSTER_NAME, NODE_GROUP_LABEL } from './build';
import type { ClusterObject, KamajiControlPlaneObject, MachineDeploymentObject } from './types';

export interface NodeGroupSummary {
  name: string;
  machineDeployment: string;
  desired: number;
  ready: number;
  version: string | undefined;
  autoscale?: { min: number; max: number };
}

export interface ClusterSummary {
  name: string;
  phase: string;
  deleting: boolean;
  controlPlane: {
    ready: boolean;
    version: string | undefined;
    desiredVersion: string | undefined;
    replicas: number;
    readyReplicas: number;
  };
  nodeGroups: NodeGroupSummary[];
  workersReady: number;
  workersDesired: number;
  endpoint: string | undefined;
  ready: boolean;
  /** One line on what it waits for, or "Ready". */
  summary: Msg;
  /** Cluster API writes `<name>-kubeconfig` once the control plane is initialized. */
  kubeconfigAvailable: boolean;
  createdAt: string | undefined;
}

export function clusterName(o: KubeObject): string | undefined {
  return o.metadata?.labels?.[CAPI_CLUSTER_NAME];
}

type ClusterStatus = NonNullable<ClusterObject['status']>;

export function summarizeCluster(
  cluster: ClusterObject,
  controlPlane: KamajiControlPlaneObject | undefined,
  machineDeployments: MachineDeploymentObject[],
): ClusterSummary {
  const name = cluster.metadata?.name ?? '';
  const st = cluster.status ?? {};
  const spec = cluster.spec ?? {};
  const cp = controlPlane?.status ?? {};
  const cpSpec = controlPlane?.spec ?? {};
  const groups = machineDeployments
    .filter((md) => clusterName(md) === name)
    .map((md): NodeGroupSummary => {
      const m = md;
      const ann = md.metadata?.annotations ?? {};
      const min = ann['cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size'];
      const max = ann['cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size'];
      return {
        name: md.metadata?.labels?.[NODE_GROUP_LABEL] ?? md.metadata?.name ?? '',
        machineDeployment: md.metadata?.name ?? '',
        desired: m.spec?.replicas ?? 0,
        ready: m.status?.readyReplicas ?? 0,
        version: m.spec?.template?.spec?.version,
        ...(min && max ? { autoscale: { min: Number(min), max: Number(max) } } : {}),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const workersDesired = groups.reduce((s, g) => s + g.desired, 0);
  const workersReady = groups.reduce((s, g) => s + Math.min(g.ready, g.desired), 0);
  const host = spec.controlPlaneEndpoint?.host;
  const endpoint = host ? `${host}:${spec.controlPlaneEndpoint?.port ?? 6443}` : undefined;
  const deleting = !!cluster.metadata?.deletionTimestamp;
  const phase = deleting ? 'Deleting' : (st.phase ?? 'Pending');
  const cpReady = cp.ready === true;
  const upgrading = !!cpSpec.version && !!cp.version && cpSpec.version !== cp.version;
  const waiting = blockingSummary({
    phase,
    deleting,
    st,
    cpReady,
    upgrading,
    cpSpec,
    groups,
    workersReady,
    workersDesired,
  });
  return {
    name,
    phase,
    deleting,
    controlPlane: {
      ready: cpReady,
      version: cp.version,
      desiredVersion: cpSpec.version,
      replicas: cpSpec.replicas ?? cp.replicas ?? 0,
      readyReplicas: cp.readyReplicas ?? 0,
    },
    nodeGroups: groups,
    workersReady,
    workersDesired,
    endpoint,
    ready: waiting === undefined,
    summary: waiting ?? msg('clusters.summary.ready'),
    kubeconfigAvailable:
      !deleting && (st.initialization?.controlPlaneInitialized === true || cpReady),
    createdAt: cluster.metadata?.creationTimestamp,
  };
}

/** What the cluster waits for, or undefined when nothing: then it is ready. */
function blockingSummary(x: {
  phase: string;
  deleting: boolean;
  st: ClusterStatus;
  cpReady: boolean;
  upgrading: boolean;
  cpSpec: { version?: string };
  groups: NodeGroupSummary[];
  workersReady: number;
  workersDesired: number;
}): Msg | undefined {
  if (x.deleting) return msg('clusters.summary.deleting');
  if (x.phase === 'Failed') {
    const failed = x.st.conditions?.find((c) => c.status === 'False' && c.message);
    return failed?.message
      ? msg('clusters.summary.failed', { reason: failed.message })
      : msg('clusters.summary.failedSeeConditions');
  }
  if (!x.st.initialization?.infrastructureProvisioned && x.phase !== 'Provisioned')
    return msg('clusters.summary.waitInfra');
  if (!x.cpReady) return msg('clusters.summary.waitControlPlane');
  if (x.upgrading)
    return msg('clusters.summary.upgradingControlPlane', { version: x.cpSpec.version ?? '' });
  const behind = x.groups.filter((g) => g.ready < g.desired);
  if (behind.length) {
    return msg('clusters.summary.workersBehind', {
      ready: x.workersReady,
      total: x.workersDesired,
      groups: behind.map((g) => `${g.name} ${g.ready}/${g.desired}`).join(', '),
    });
  }
  const staleGroups = x.groups.filter((g) => x.cpSpec.version && g.version !== x.cpSpec.version);
  if (staleGroups.length)
    return msg('clusters.summary.groupsToUpgrade', {
      groups: staleGroups.map((g) => g.name).join(', '),
    });
  return undefined;
}
