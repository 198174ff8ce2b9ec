// What an operator asks of a node, derived from its objects: is it Ready and since when, is it
// cordoned or tainted out of service, what kube-fencing and medik8s are doing about it, and whose
// VMs and cluster workers it hits. Pure: shared by the server, the browser and the tests.
import type { MachineObject } from '../clusters/types';
import type { Condition, KubeObject } from '../k8s/types';
import type { VmiObject } from '../vms/types';
import type { NhcObject, NodeObject, RemediationObject } from './types';

export const OUT_OF_SERVICE = 'node.kubernetes.io/out-of-service';
/** fence-agents-remediation's own NoExecute taint while it fences a node. */
export const FAR_TAINT = 'medik8s.io/fence-agents-remediation';
export const NODE_NAME_ANNOTATION = 'remediation.medik8s.io/node-name';
const ROLE_PREFIX = 'node-role.kubernetes.io/';

export type ReadyState = 'Ready' | 'NotReady' | 'Unknown';

export interface NodeTaint {
  key: string;
  value?: string;
  effect: string;
  outOfService: boolean;
  timeAdded?: string;
}

export interface Fencing {
  enabled: boolean;
  /** kube-fencing's fencing/state: pending | started | fenced | failed (absent when idle). */
  state?: string;
  /** When the state was set (fencing/timestamp, unix seconds, as ISO). */
  since?: string;
  mode?: string;
  template?: string;
}

export type RemediationState = 'InProgress' | 'Succeeded' | 'Failed';

export interface TimelineEntry {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  at?: string;
}

export interface Remediation {
  kind: 'FenceAgentsRemediation' | 'SelfNodeRemediation';
  name: string;
  namespace: string;
  node: string;
  state: RemediationState;
  template?: string;
  /** By the node-healthcheck controller (labelled part-of), or started by hand. */
  byHealthCheck: boolean;
  createdAt?: string;
  timeline: TimelineEntry[];
}

export interface NodeSummary {
  name: string;
  ready: ReadyState;
  readySince?: string;
  readyReason?: string;
  readyMessage?: string;
  roles: string[];
  cordoned: boolean;
  taints: NodeTaint[];
  outOfService: boolean;
  fencing: Fencing;
  kubelet?: string;
  createdAt?: string;
}

const cond = (list: Condition[] | undefined, type: string) => list?.find((c) => c.type === type);

export function nodeSummary(node: NodeObject): NodeSummary {
  const ready = cond(node.status?.conditions as Condition[] | undefined, 'Ready');
  const labels = node.metadata?.labels ?? {};
  const taints: NodeTaint[] = (node.spec?.taints ?? []).map((t) => ({
    key: t.key,
    ...(t.value ? { value: t.value } : {}),
    effect: t.effect,
    outOfService: t.key === OUT_OF_SERVICE,
    ...(t.timeAdded ? { timeAdded: String(t.timeAdded) } : {}),
  }));
  return {
    name: node.metadata?.name ?? '',
    ready:
      !ready || ready.status === 'Unknown'
        ? 'Unknown'
        : ready.status === 'True'
          ? 'Ready'
          : 'NotReady',
    readySince: ready?.lastTransitionTime ? String(ready.lastTransitionTime) : undefined,
    readyReason: ready?.reason,
    readyMessage: ready?.message,
    roles: Object.keys(labels)
      .filter((k) => k.startsWith(ROLE_PREFIX))
      .map((k) => k.slice(ROLE_PREFIX.length))
      .sort(),
    cordoned: node.spec?.unschedulable === true,
    taints,
    outOfService: taints.some((t) => t.outOfService),
    fencing: fencingOf(node),
    kubelet: node.status?.nodeInfo?.kubeletVersion,
    createdAt: node.metadata?.creationTimestamp,
  };
}

/** kube-fencing's annotations (kvaps/kube-fencing README). */
export function fencingOf(node: KubeObject): Fencing {
  const a = node.metadata?.annotations ?? {};
  const ts = Number(a['fencing/timestamp']);
  return {
    enabled: a['fencing/enabled'] === 'true',
    ...(a['fencing/state'] ? { state: a['fencing/state'] } : {}),
    ...(a['fencing/timestamp'] && Number.isFinite(ts)
      ? { since: new Date(ts * 1000).toISOString() }
      : {}),
    ...(a['fencing/mode'] ? { mode: a['fencing/mode'] } : {}),
    ...(a['fencing/template'] ? { template: a['fencing/template'] } : {}),
  };
}

/** The node a remediation is for: NHC annotates it; otherwise it is named after the node. */
export const remediationNode = (r: KubeObject): string =>
  r.metadata?.annotations?.[NODE_NAME_ANNOTATION] ?? r.metadata?.name ?? '';

/** The conditions in the order they happened, as a timeline. */
export function timelineOf(conditions: Condition[] | undefined): TimelineEntry[] {
  return (conditions ?? [])
    .map((c) => ({
      type: c.type,
      status: c.status,
      ...(c.reason ? { reason: c.reason } : {}),
      ...(c.message ? { message: c.message } : {}),
      ...(c.lastTransitionTime ? { at: String(c.lastTransitionTime) } : {}),
    }))
    .sort((a, b) => (a.at ?? '').localeCompare(b.at ?? '') || a.type.localeCompare(b.type));
}

/** FAR and SNR both say Succeeded True when done; False is a failure, Unknown still working. */
export function remediationState(r: RemediationObject): RemediationState {
  const done = cond(r.status?.conditions, 'Succeeded');
  if (done?.status === 'True') return 'Succeeded';
  if (done?.status === 'False') return 'Failed';
  return 'InProgress';
}

export function remediationSummary(r: RemediationObject, kind: Remediation['kind']): Remediation {
  return {
    kind,
    name: r.metadata?.name ?? '',
    namespace: r.metadata?.namespace ?? '',
    node: remediationNode(r),
    state: remediationState(r),
    template: r.metadata?.annotations?.['remediation.medik8s.io/template-name'],
    byHealthCheck:
      r.metadata?.labels?.['app.kubernetes.io/part-of'] === 'node-healthcheck-controller',
    createdAt: r.metadata?.creationTimestamp,
    timeline: timelineOf(r.status?.conditions),
  };
}

/** Remediations by node: the newest first. */
export function remediationsByNode(
  fars: RemediationObject[],
  snrs: RemediationObject[],
): Map<string, Remediation[]> {
  const all = [
    ...fars.map((r) => remediationSummary(r, 'FenceAgentsRemediation')),
    ...snrs.map((r) => remediationSummary(r, 'SelfNodeRemediation')),
  ];
  const out = new Map<string, Remediation[]>();
  for (const r of all) out.set(r.node, [...(out.get(r.node) ?? []), r]);
  for (const list of out.values())
    list.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
  return out;
}

export interface HealthCheckSummary {
  name: string;
  phase: string;
  reason?: string;
  observed: number;
  healthy: number;
  unhealthy: string[];
  inFlight: { node: string; since: string }[];
  paused: boolean;
  pauseRequests: string[];
  template?: string;
  /** The FenceAgentsRemediationTemplate it uses: what a manual fence starts from. */
  farTemplate?: { namespace: string; name: string };
  disabledReason?: string;
}

const FAR_TEMPLATE = 'FenceAgentsRemediationTemplate';

export function healthCheckSummary(nhc: NhcObject): HealthCheckSummary {
  const s = nhc.status;
  const pauseRequests = nhc.spec?.pauseRequests ?? [];
  const disabled = cond(s?.conditions, 'Disabled');
  const tpl = nhc.spec?.remediationTemplate;
  const far = [
    tpl,
    ...(nhc.spec?.escalatingRemediations ?? []).map((e) => e.remediationTemplate),
  ].filter((x) => x?.kind === FAR_TEMPLATE && x.name && x.namespace)[0];
  return {
    name: nhc.metadata?.name ?? '',
    phase: s?.phase ?? (pauseRequests.length ? 'Paused' : 'Unknown'),
    ...(s?.reason ? { reason: s.reason } : {}),
    observed: s?.observedNodes ?? 0,
    healthy: s?.healthyNodes ?? 0,
    unhealthy: (s?.unhealthyNodes ?? []).map((u) => u.name),
    // v0.12 lists them under unhealthyNodes[].remediations; older ones in inFlightRemediations.
    inFlight: s?.unhealthyNodes?.some((u) => u.remediations?.length)
      ? (s.unhealthyNodes ?? []).flatMap((u) =>
          (u.remediations ?? []).slice(-1).map((r) => ({ node: u.name, since: r.started ?? '' })),
        )
      : Object.entries(s?.inFlightRemediations ?? {}).map(([node, since]) => ({ node, since })),
    paused: pauseRequests.length > 0,
    pauseRequests,
    ...(tpl?.name ? { template: `${tpl.kind ?? ''}/${tpl.namespace ?? ''}/${tpl.name}` } : {}),
    ...(far?.name && far.namespace
      ? { farTemplate: { namespace: far.namespace, name: far.name } }
      : {}),
    ...(disabled?.status === 'True' ? { disabledReason: disabled.reason } : {}),
  };
}

export interface AffectedVm {
  namespace: string;
  name: string;
  phase?: string;
  /** The node it is on now (the one asked about, until KubeVirt moves it). */
  node?: string;
  ready: boolean;
}

export interface AffectedWorker {
  namespace: string;
  machine: string;
  cluster?: string;
  phase?: string;
  vm: string;
}

/** The tenants' VMs on a node, and the tenant-cluster workers those VMs are (CAPK names a VM after its KubevirtMachine). */
export function affectedBy(
  node: string,
  vmis: VmiObject[],
  machines: MachineObject[],
): { vms: AffectedVm[]; workers: AffectedWorker[] } {
  const vms = vmis
    .filter((v) => v.status?.nodeName === node)
    .map((v) => ({
      namespace: v.metadata?.namespace ?? '',
      name: v.metadata?.name ?? '',
      phase: v.status?.phase,
      node: v.status?.nodeName,
      ready: cond(v.status?.conditions as Condition[] | undefined, 'Ready')?.status === 'True',
    }))
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  const onNode = new Set(vms.map((v) => `${v.namespace}/${v.name}`));
  const workers: AffectedWorker[] = [];
  for (const m of machines) {
    const spec = m.spec as
      { infrastructureRef?: { kind?: string; name?: string }; clusterName?: string } | undefined;
    const infra = spec?.infrastructureRef;
    const ns = m.metadata?.namespace ?? '';
    if (infra?.kind !== 'KubevirtMachine' || !infra.name || !onNode.has(`${ns}/${infra.name}`))
      continue;
    workers.push({
      namespace: ns,
      machine: m.metadata?.name ?? '',
      cluster: spec?.clusterName,
      phase: m.status?.phase,
      vm: infra.name,
    });
  }
  return { vms, workers };
}

/** The tenants a list of namespaces belongs to (tenant namespaces carry a prefix). */
export function tenantOf(namespace: string, prefix: string): string | undefined {
  return namespace.startsWith(prefix) ? namespace.slice(prefix.length) : undefined;
}

/** How bad it looks, for sorting the list: NotReady and out-of-service nodes first. */
export function severity(s: NodeSummary, remediations: Remediation[] = []): number {
  if (s.ready !== 'Ready' || s.outOfService) return 0;
  if (remediations.some((r) => r.state === 'InProgress')) return 1;
  if (s.cordoned) return 2;
  return 3;
}
