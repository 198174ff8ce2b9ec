// What a person needs to know about a tenant cluster, derived from its CAPI objects. Pure.
import { msg, type Msg } from '../i18n/messages';
import type { KubeObject } from '../k8s/types';
import { addonHealth, addonIdOf, type AddonInfo } from './addon-status';
import { CAPI_CLUSTER_NAME, NODE_GROUP_LABEL } from './labels';
import { controlPlaneBlocker, machineBlockers } from './blockers';
import type {
  ClusterObject,
  HelmReleaseObject,
  KamajiControlPlaneObject,
  MachineDeploymentObject,
  MachineObject,
} from './types';

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
  /** Its API server trusts the platform's OIDC issuer: personal kubeconfigs work. */
  personalAccess: boolean;
  createdAt: string | undefined;
}

export function clusterName(o: KubeObject): string | undefined {
  return o.metadata?.labels?.[CAPI_CLUSTER_NAME];
}

/** Whether the API server was configured for OIDC at create time (issuer and client id flags). */
/** What a cluster created with personal access trusts, read back from its API server's flags. */
export function oidcOf(
  kcp: KamajiControlPlaneObject | undefined,
): { issuer: string; clientId: string } | undefined {
  const args = kcp?.spec?.apiServer?.extraArgs ?? [];
  const flag = (name: string) =>
    args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const issuer = flag('oidc-issuer-url');
  const clientId = flag('oidc-client-id');
  return issuer && clientId ? { issuer, clientId } : undefined;
}

export const hasPersonalAccess = (kcp: KamajiControlPlaneObject | undefined): boolean =>
  !!oidcOf(kcp);

type ClusterStatus = NonNullable<ClusterObject['status']>;

/**
 * What the detail page adds, so the summary can follow the chain past the node counts: which
 * machine cannot join and why, and whether the CNI release is what the nodes wait for.
 */
export interface ClusterParts {
  machines: MachineObject[];
  releases: HelmReleaseObject[];
  catalog: AddonInfo[];
}

export function summarizeCluster(
  cluster: ClusterObject,
  controlPlane: KamajiControlPlaneObject | undefined,
  machineDeployments: MachineDeploymentObject[],
  parts?: ClusterParts,
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
    controlPlane,
    upgrading,
    cpSpec,
    groups,
    workersReady,
    workersDesired,
    parts: parts && {
      ...parts,
      machines: parts.machines.filter((m) => clusterName(m) === name),
      releases: parts.releases.filter((r) => clusterName(r) === name && addonIdOf(r)),
    },
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
    personalAccess: hasPersonalAccess(controlPlane),
    createdAt: cluster.metadata?.creationTimestamp,
  };
}

/** What the cluster waits for, or undefined when nothing: then it is ready. */
function blockingSummary(x: {
  phase: string;
  deleting: boolean;
  st: ClusterStatus;
  cpReady: boolean;
  controlPlane: KamajiControlPlaneObject | undefined;
  upgrading: boolean;
  cpSpec: { version?: string };
  groups: NodeGroupSummary[];
  workersReady: number;
  workersDesired: number;
  parts: ClusterParts | undefined;
}): Msg | undefined {
  if (x.deleting) return msg('clusters.summary.deleting');
  if (x.phase === 'Failed') {
    const failed = x.st.conditions?.find((c) => c.status === 'False' && c.message);
    return failed?.message
      ? msg('clusters.summary.failed', { reason: failed.message })
      : msg('clusters.summary.failedSeeConditions');
  }
  // The control plane's own account comes first: the infrastructure may wait on it (Kamaji
  // publishes the endpoint the KubevirtCluster needs), and a refusal must not read as a wait.
  const cpBlocker = x.cpReady ? undefined : controlPlaneBlocker(x.controlPlane);
  if (cpBlocker) return cpBlocker;
  if (!x.st.initialization?.infrastructureProvisioned && x.phase !== 'Provisioned')
    return msg('clusters.summary.waitInfra');
  if (!x.cpReady) return msg('clusters.summary.waitControlPlane');
  if (x.upgrading)
    return msg('clusters.summary.upgradingControlPlane', { version: x.cpSpec.version ?? '' });
  const behind = x.groups.filter((g) => g.ready < g.desired);
  if (behind.length) {
    const why = x.parts && workersBlocker(x.parts);
    if (why) return why;
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
  return x.parts && addonsBlocker(x.parts);
}

/** Why workers are not Ready: a machine the kubelet refused, else the CNI, else a node's word. */
function workersBlocker(parts: ClusterParts): Msg | undefined {
  const blocked = machineBlockers(parts.machines);
  const refused = blocked.find((b) => !b.joined);
  if (refused)
    return msg('clusters.summary.workerCannotJoin', {
      machine: refused.machine,
      reason: refused.reason,
    });
  if (!blocked.length) return undefined;
  const cni = parts.catalog.find((a) => a.role === 'cni')?.id;
  if (cni) {
    const h = addonHealth(cni, parts.releases, parts.catalog);
    if (h.state === 'absent') return msg('clusters.summary.cniMissing', { name: cni });
    if (h.state === 'failed')
      return msg('clusters.summary.cniFailed', { name: cni, reason: h.message ?? '' });
    if (h.state !== 'ready') return msg('clusters.summary.cniPending', { name: cni });
  }
  const [first] = blocked;
  return (
    first &&
    msg('clusters.summary.workerNotReady', { machine: first.machine, reason: first.reason })
  );
}

/** Once everything else is up: an add-on that failed, or those still installing. */
function addonsBlocker(parts: ClusterParts): Msg | undefined {
  const ids = parts.releases.map((r) => addonIdOf(r) ?? '');
  const health = ids.map((id) => ({ id, ...addonHealth(id, parts.releases, parts.catalog) }));
  const failed = health.find((h) => h.state === 'failed');
  if (failed)
    return msg('clusters.summary.addonFailed', { name: failed.id, reason: failed.message ?? '' });
  const pending = health.filter((h) => h.state !== 'ready').map((h) => h.id);
  return pending.length
    ? msg('clusters.summary.addonsInstalling', { names: pending.join(', ') })
    : undefined;
}
