// What a person needs to know about a tenant cluster, derived from its CAPI objects. Pure.
import type { Condition, KubeObject } from '../k8s/types';
import { CAPI_CLUSTER_NAME, NODE_GROUP_LABEL } from './build';

interface ClusterStatus {
  phase?: string;
  conditions?: Condition[];
  initialization?: { infrastructureProvisioned?: boolean; controlPlaneInitialized?: boolean };
}
interface ClusterSpec {
  controlPlaneEndpoint?: { host?: string; port?: number };
}
interface ControlPlaneStatus {
  ready?: boolean;
  version?: string;
  replicas?: number;
  readyReplicas?: number;
  conditions?: Condition[];
}
interface MachineDeploymentShape {
  spec?: { replicas?: number; template?: { spec?: { version?: string } } };
  status?: {
    replicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    phase?: string;
  };
}

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
  summary: string;
  createdAt: string | undefined;
}

export function clusterName(o: KubeObject): string | undefined {
  return o.metadata?.labels?.[CAPI_CLUSTER_NAME];
}

export function summarizeCluster(
  cluster: KubeObject,
  controlPlane: KubeObject | undefined,
  machineDeployments: KubeObject[],
): ClusterSummary {
  const name = cluster.metadata?.name ?? '';
  const st = (cluster.status ?? {}) as ClusterStatus;
  const spec = (cluster.spec ?? {}) as ClusterSpec;
  const cp = (controlPlane?.status ?? {}) as ControlPlaneStatus;
  const cpSpec = (controlPlane?.spec ?? {}) as { version?: string; replicas?: number };
  const groups = machineDeployments
    .filter((md) => clusterName(md) === name)
    .map((md): NodeGroupSummary => {
      const m = md as MachineDeploymentShape & KubeObject;
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
  const summary = blockingSummary({
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
    ready: summary === 'Ready',
    summary,
    createdAt: cluster.metadata?.creationTimestamp,
  };
}

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
}): string {
  if (x.deleting) return 'Deleting';
  if (x.phase === 'Failed') {
    const failed = x.st.conditions?.find((c) => c.status === 'False' && c.message);
    return `Failed: ${failed?.message ?? 'see conditions'}`;
  }
  if (!x.st.initialization?.infrastructureProvisioned && x.phase !== 'Provisioned')
    return 'Waiting for infrastructure';
  if (!x.cpReady) return 'Waiting for control plane';
  if (x.upgrading) return `Upgrading control plane to ${x.cpSpec.version ?? ''}`;
  const behind = x.groups.filter((g) => g.ready < g.desired);
  if (behind.length) {
    return `${x.workersReady}/${x.workersDesired} workers ready: ${behind.map((g) => `${g.name} ${g.ready}/${g.desired}`).join(', ')}`;
  }
  const staleGroups = x.groups.filter((g) => x.cpSpec.version && g.version !== x.cpSpec.version);
  if (staleGroups.length)
    return `Node groups to upgrade: ${staleGroups.map((g) => g.name).join(', ')}`;
  return 'Ready';
}
