// helm-controller (v1.6) for releases that install into a tenant cluster through
// spec.kubeConfig.secretRef, as pure functions: which Ready condition it would write next.
// Messages and reasons follow internal/controller/helmrelease_controller.go and, for the chart,
// source-controller's HelmChart (helmchart_controller.go, internal/helm/repository).
import { createHash } from 'node:crypto';

import type { Condition } from '../kube/types.ts';
import type { HelmReleaseObj, HelmRepositoryObj } from '../kinds.ts';
import { findCondition, setConditions } from '../conditions.ts';
import { chartIndex } from './charts.ts';

export interface RemoteWorld {
  release: (namespace: string, name: string) => HelmReleaseObj | undefined;
  repository: (namespace: string, name: string) => HelmRepositoryObj | undefined;
  secretExists: (namespace: string, name: string) => boolean;
}

export interface Verdict {
  ready: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  /** Set once installed: the history entry helm-controller records. */
  installed?: { chartName: string; chartVersion: string };
}

export const isRemote = (hr: HelmReleaseObj): boolean => !!hr.spec.kubeConfig?.secretRef?.name;

const isReady = (conditions: Condition[] | undefined) =>
  findCondition(conditions, 'Ready')?.status === 'True';

/** What helm-controller concludes for a remote release now, walking its reconcile in order. */
export function remoteVerdict(hr: HelmReleaseObj, world: RemoteWorld): Verdict {
  const ns = hr.metadata.namespace ?? '';
  for (const d of hr.spec.dependsOn ?? []) {
    const depNs = d.namespace ?? ns;
    const dep = world.release(depNs, d.name);
    if (!dep || !isReady(dep.status?.conditions))
      return {
        ready: 'False',
        reason: 'DependencyNotReady',
        message: `dependency '${depNs}/${d.name}' is not ready`,
      };
  }
  const chart = hr.spec.chart?.spec ?? {};
  const ref = chart.sourceRef ?? {};
  const srcNs = ref.namespace ?? ns;
  // helm-controller names the HelmChart it creates <release namespace>-<release name>.
  const helmChart = `HelmChart '${srcNs}/${ns}-${hr.metadata.name}' is not ready`;
  const repo = world.repository(srcNs, ref.name ?? '');
  if (!repo)
    return {
      ready: 'False',
      reason: 'SourceNotReady',
      message: `${helmChart}: failed to get source: helmrepositories.source.toolkit.fluxcd.io "${ref.name ?? ''}" not found`,
    };
  const oci = repo.spec.type === 'oci';
  // source-controller leaves an OCI HelmRepository's status empty; only index repositories report.
  if (!oci && !isReady(repo.status?.conditions))
    return {
      ready: 'False',
      reason: 'SourceNotReady',
      message: `${helmChart}: no artifact available for HelmRepository source '${ref.name ?? ''}'`,
    };
  const versions = chartIndex[repo.spec.url ?? '']?.[chart.chart ?? ''];
  if (!versions?.includes(chart.version ?? ''))
    return {
      ready: 'False',
      reason: 'SourceNotReady',
      message: oci
        ? `${helmChart}: chart pull error: failed to download chart for remote reference: ${repo.spec.url ?? ''}/${chart.chart ?? ''}:${chart.version ?? ''}: not found`
        : `${helmChart}: invalid chart reference: failed to get chart version for remote reference: no '${chart.chart ?? ''}' chart with version matching '${chart.version ?? ''}' found`,
    };
  const secret = hr.spec.kubeConfig?.secretRef?.name ?? '';
  if (!world.secretExists(ns, secret))
    return {
      ready: 'False',
      reason: 'RESTClientError',
      message: `could not get KubeConfig secret '${ns}/${secret}': secrets "${secret}" not found`,
    };
  const release = `${hr.spec.targetNamespace ?? ns}/${hr.spec.releaseName ?? hr.metadata.name}`;
  return {
    ready: 'True',
    reason: 'InstallSucceeded',
    message: `Helm install succeeded for release ${release}.v1 with chart ${chart.chart ?? ''}@${chart.version ?? ''}`,
    installed: { chartName: chart.chart ?? '', chartVersion: chart.version ?? '' },
  };
}

/** Whether the release's Ready condition already says this. */
export function verdictShown(hr: HelmReleaseObj, v: Verdict): boolean {
  const c = findCondition(hr.status?.conditions, 'Ready');
  return c?.status === v.ready && c.reason === v.reason && c.message === v.message;
}

const sha = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`;

/** The status helm-controller writes for a verdict; a first install records its history entry. */
export function remoteStatus(hr: HelmReleaseObj, v: Verdict, now: string): Record<string, unknown> {
  const gen = hr.metadata.generation;
  const ready = {
    type: 'Ready',
    status: v.ready,
    reason: v.reason,
    message: v.message,
    observedGeneration: gen,
  };
  const base = { observedGeneration: gen, lastAttemptedGeneration: gen };
  if (!v.installed) {
    const reconciling = {
      type: 'Reconciling',
      status: 'True' as const,
      reason: 'Progressing',
      message: 'Fulfilling prerequisites',
    };
    return { ...base, conditions: setConditions(hr.status?.conditions, [ready, reconciling], now) };
  }
  const name = hr.spec.releaseName ?? hr.metadata.name;
  const namespace = hr.spec.targetNamespace ?? hr.metadata.namespace ?? '';
  const settled = (hr.status?.conditions ?? []).filter((c) => c.type !== 'Reconciling');
  return {
    ...base,
    conditions: setConditions(settled, [ready, { ...ready, type: 'Released' }], now),
    lastAttemptedRevision: v.installed.chartVersion,
    // The CRD requires both digests on every history entry.
    history: [
      {
        ...v.installed,
        name,
        namespace,
        version: 1,
        status: 'deployed',
        firstDeployed: now,
        lastDeployed: now,
        appVersion: v.installed.chartVersion,
        configDigest: sha(`config:${hr.metadata.uid ?? ''}`),
        digest: sha(`release:${namespace}/${name}:1`),
      },
    ],
  };
}
