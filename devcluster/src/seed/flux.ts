// The platform's Flux releases, Cozystack-style: one HelmRepository in cozy-public and ~25
// HelmReleases in cozy-* namespaces. Most are Ready, three failed (one Stalled), two suspended,
// two still progressing.
import { createHash } from 'node:crypto';

import type { KObj } from '../simulator/kube/types.ts';
import { daysAgo, type SeedClient } from './client.ts';

export const SOURCE = { name: 'cozystack-system', namespace: 'cozy-public' } as const;

type State = 'ready' | 'upgrade-failed' | 'install-failed' | 'suspended' | 'progressing';

export interface Release {
  name: string;
  namespace: string;
  chart: string;
  version: string;
  appVersion: string;
  state: State;
  /** Helm release revision of the deployed version. */
  revision: number;
  /** The version being attempted, for failed/progressing releases. */
  next?: string;
  message?: string;
  dependsOn?: string[];
}

export const releases: Release[] = [
  {
    name: 'cilium',
    namespace: 'cozy-cilium',
    chart: 'cilium',
    version: '1.18.4',
    appVersion: '1.18.4',
    state: 'ready',
    revision: 7,
  },
  {
    name: 'kubeovn',
    namespace: 'cozy-kubeovn',
    chart: 'kube-ovn',
    version: 'v1.14.10',
    appVersion: '1.14.10',
    state: 'ready',
    revision: 5,
    dependsOn: ['cozy-cilium/cilium'],
  },
  {
    name: 'cert-manager',
    namespace: 'cozy-cert-manager',
    chart: 'cert-manager',
    version: 'v1.19.1',
    appVersion: 'v1.19.1',
    state: 'ready',
    revision: 4,
  },
  {
    name: 'cert-manager-issuers',
    namespace: 'cozy-cert-manager',
    chart: 'cert-manager-issuers',
    version: '0.2.0',
    appVersion: '0.2.0',
    state: 'ready',
    revision: 2,
    dependsOn: ['cozy-cert-manager/cert-manager'],
  },
  {
    name: 'fluxcd',
    namespace: 'cozy-fluxcd',
    chart: 'flux-operator',
    version: '0.33.0',
    appVersion: 'v0.33.0',
    state: 'ready',
    revision: 6,
  },
  {
    name: 'victoria-metrics-operator',
    namespace: 'cozy-victoria-metrics-operator',
    chart: 'victoria-metrics-operator',
    version: '0.55.0',
    appVersion: 'v0.64.1',
    state: 'ready',
    revision: 3,
  },
  {
    name: 'monitoring-agents',
    namespace: 'cozy-monitoring',
    chart: 'victoria-metrics-k8s-stack',
    version: '0.61.4',
    appVersion: 'v1.124.0',
    state: 'upgrade-failed',
    revision: 9,
    next: '0.63.2',
    message:
      'Helm upgrade failed for release cozy-monitoring/monitoring-agents with chart victoria-metrics-k8s-stack@0.63.2: ' +
      'context deadline exceeded: resource not ready, name: vmagent-monitoring-agents, kind: VMAgent, status: InProgress',
    dependsOn: ['cozy-victoria-metrics-operator/victoria-metrics-operator'],
  },
  {
    name: 'grafana-operator',
    namespace: 'cozy-grafana-operator',
    chart: 'grafana-operator',
    version: 'v5.20.0',
    appVersion: 'v5.20.0',
    state: 'ready',
    revision: 2,
  },
  {
    name: 'kubevirt-operator',
    namespace: 'cozy-kubevirt',
    chart: 'kubevirt-operator',
    version: '1.9.0',
    appVersion: 'v1.9.0',
    state: 'ready',
    revision: 3,
  },
  {
    name: 'kubevirt',
    namespace: 'cozy-kubevirt',
    chart: 'kubevirt',
    version: '1.9.0',
    appVersion: 'v1.9.0',
    state: 'ready',
    revision: 3,
    dependsOn: ['cozy-kubevirt/kubevirt-operator'],
  },
  {
    name: 'kubevirt-cdi-operator',
    namespace: 'cozy-kubevirt-cdi',
    chart: 'kubevirt-cdi-operator',
    version: '1.65.0',
    appVersion: 'v1.65.0',
    state: 'ready',
    revision: 2,
  },
  {
    name: 'kubevirt-cdi',
    namespace: 'cozy-kubevirt-cdi',
    chart: 'kubevirt-cdi',
    version: '1.65.0',
    appVersion: 'v1.65.0',
    state: 'ready',
    revision: 2,
    dependsOn: ['cozy-kubevirt-cdi/kubevirt-cdi-operator'],
  },
  {
    name: 'piraeus-operator',
    namespace: 'cozy-linstor',
    chart: 'piraeus',
    version: '2.10.2',
    appVersion: 'v2.10.2',
    state: 'ready',
    revision: 4,
  },
  {
    name: 'linstor',
    namespace: 'cozy-linstor',
    chart: 'linstor-cluster',
    version: '0.5.1',
    appVersion: 'v1.31.3',
    state: 'ready',
    revision: 6,
    dependsOn: ['cozy-linstor/piraeus-operator'],
  },
  {
    name: 'snapshot-controller',
    namespace: 'cozy-snapshot-controller',
    chart: 'snapshot-controller',
    version: '4.1.0',
    appVersion: 'v8.3.0',
    state: 'ready',
    revision: 2,
  },
  {
    name: 'metallb',
    namespace: 'cozy-metallb',
    chart: 'metallb',
    version: '0.16.1',
    appVersion: 'v0.16.1',
    state: 'ready',
    revision: 5,
  },
  {
    name: 'ingress-nginx',
    namespace: 'cozy-ingress-nginx',
    chart: 'ingress-nginx',
    version: '4.13.3',
    appVersion: '1.13.3',
    state: 'ready',
    revision: 8,
  },
  {
    name: 'kamaji',
    namespace: 'cozy-kamaji',
    chart: 'kamaji',
    version: '1.0.0',
    appVersion: 'v1.0.0',
    state: 'ready',
    revision: 3,
  },
  {
    name: 'capi-operator',
    namespace: 'cozy-cluster-api',
    chart: 'cluster-api-operator',
    version: '0.24.0',
    appVersion: 'v0.24.0',
    state: 'ready',
    revision: 3,
    dependsOn: ['cozy-cert-manager/cert-manager'],
  },
  {
    name: 'capi-providers',
    namespace: 'cozy-cluster-api',
    chart: 'capi-providers',
    version: '0.3.1',
    appVersion: '0.3.1',
    state: 'progressing',
    revision: 4,
    next: '0.4.0',
    dependsOn: ['cozy-cluster-api/capi-operator'],
  },
  {
    name: 'fencing-controller',
    namespace: 'cozy-fencing',
    chart: 'kube-fencing',
    version: '2.0.1',
    appVersion: 'v2.1.0',
    state: 'ready',
    revision: 2,
  },
  {
    name: 'node-healthcheck',
    namespace: 'cozy-fencing',
    chart: 'node-healthcheck-operator',
    version: '0.12.0',
    appVersion: 'v0.12.0',
    state: 'ready',
    revision: 2,
  },
  {
    name: 'dashboard',
    namespace: 'cozy-dashboard',
    chart: 'stratus',
    version: '0.1.0',
    appVersion: '0.1.0',
    state: 'progressing',
    revision: 1,
    next: '0.2.0',
  },
  {
    name: 'etcd-operator',
    namespace: 'cozy-etcd-operator',
    chart: 'etcd-operator',
    version: '0.4.2',
    appVersion: 'v0.4.2',
    state: 'install-failed',
    revision: 1,
    message:
      'Helm install failed for release cozy-etcd-operator/etcd-operator with chart etcd-operator@0.4.2: ' +
      'unable to build kubernetes objects from release manifest: resource mapping not found for name: "etcd-operator-serving-cert" ' +
      'namespace: "cozy-etcd-operator" from "": no matches for kind "Certificate" in version "cert-manager.io/v1alpha2"',
  },
  {
    name: 'telepresence',
    namespace: 'cozy-telepresence',
    chart: 'telepresence-oss',
    version: '2.23.6',
    appVersion: '2.23.6',
    state: 'upgrade-failed',
    revision: 3,
    next: '2.24.1',
    message:
      'Helm upgrade failed for release cozy-telepresence/telepresence with chart telepresence-oss@2.24.1: cannot patch ' +
      '"traffic-manager" with kind Deployment: Deployment.apps "traffic-manager" is invalid: spec.selector: Invalid value: ' +
      'v1.LabelSelector{MatchLabels:map[string]string{"app":"traffic-manager","telepresence":"manager"}}: field is immutable',
  },
  {
    name: 'external-dns',
    namespace: 'cozy-external-dns',
    chart: 'external-dns',
    version: '1.19.0',
    appVersion: '0.19.0',
    state: 'suspended',
    revision: 2,
  },
  {
    name: 'velero',
    namespace: 'cozy-velero',
    chart: 'velero',
    version: '10.1.2',
    appVersion: '1.16.2',
    state: 'suspended',
    revision: 4,
  },
];

const sha = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`;

export function helmRepository(): KObj {
  return {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'HelmRepository',
    metadata: {
      name: SOURCE.name,
      namespace: SOURCE.namespace,
      labels: { 'cozystack.io/repository': 'system' },
    },
    spec: {
      url: 'http://cozystack.cozy-system.svc/repos/system',
      interval: '5m0s',
      timeout: '60s',
    },
  };
}

export function helmRepositoryStatus(now: Date): Record<string, unknown> {
  const rev = sha('cozystack-system-index');
  const path = `helmrepository/${SOURCE.namespace}/${SOURCE.name}/index-${rev.slice(7, 23)}.yaml`;
  return {
    observedGeneration: 1,
    url: `http://source-controller.cozy-fluxcd.svc.cluster.local./${path}`,
    artifact: {
      digest: rev,
      lastUpdateTime: daysAgo(now, 0, 4),
      path,
      revision: rev,
      size: 48211,
      url: `http://source-controller.cozy-fluxcd.svc.cluster.local./${path}`,
    },
    conditions: [
      {
        type: 'Ready',
        status: 'True',
        reason: 'Succeeded',
        message: `stored artifact: revision '${rev}'`,
        lastTransitionTime: daysAgo(now, 3),
        observedGeneration: 1,
      },
      {
        type: 'ArtifactInStorage',
        status: 'True',
        reason: 'Succeeded',
        message: `stored artifact: revision '${rev}'`,
        lastTransitionTime: daysAgo(now, 3),
        observedGeneration: 1,
      },
    ],
  };
}

export function helmReleaseObject(r: Release): KObj {
  return {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: {
      name: r.name,
      namespace: r.namespace,
      labels: { 'cozystack.io/system-app': 'true', 'sharding.fluxcd.io/key': 'hr' },
    },
    spec: {
      interval: '5m',
      releaseName: r.name,
      chart: {
        spec: {
          chart: r.chart,
          version: r.next ?? r.version,
          reconcileStrategy: 'Revision',
          sourceRef: { kind: 'HelmRepository', name: SOURCE.name, namespace: SOURCE.namespace },
        },
      },
      install: { crds: 'CreateReplace', remediation: { retries: -1 } },
      upgrade: { crds: 'CreateReplace', remediation: { retries: 3, remediateLastFailure: true } },
      ...(r.dependsOn
        ? {
            dependsOn: r.dependsOn.map((d) => ({
              namespace: d.split('/')[0],
              name: d.split('/')[1],
            })),
          }
        : {}),
      ...(r.state === 'suspended' ? { suspend: true } : {}),
      values: {},
    },
  };
}

/** Status in helm-controller v1.6's shape; `generation` is the object's current generation. */
export function helmReleaseStatus(
  r: Release,
  generation: number,
  now: Date,
  index: number,
): Record<string, unknown> {
  const target = `${r.namespace}/${r.name}`;
  const first = daysAgo(now, 60 - index, index * 7);
  const last = daysAgo(now, 2 + (index % 9), index * 13);
  const deployed = {
    name: r.name,
    namespace: r.namespace,
    version: r.revision,
    status: 'deployed',
    chartName: r.chart,
    chartVersion: r.version,
    appVersion: r.appVersion,
    configDigest: sha(`config:${target}`),
    digest: sha(`release:${target}:${r.revision}`),
    firstDeployed: first,
    lastDeployed: last,
  };
  const cond = (type: string, status: string, reason: string, message: string, at = last) => ({
    type,
    status,
    reason,
    message,
    lastTransitionTime: at,
    observedGeneration: generation,
  });
  const common = {
    observedGeneration: generation,
    lastAttemptedGeneration: generation,
    lastAttemptedConfigDigest: sha(`config:${target}`),
    lastAttemptedRevisionDigest: sha(`chart:${r.chart}:${r.next ?? r.version}`),
    lastAttemptedRevision: r.next ?? r.version,
    helmChart: `${SOURCE.namespace}/${r.namespace}-${r.name}`,
    storageNamespace: r.namespace,
  };
  const action = r.revision > 1 ? 'upgrade' : 'install';
  const okReason = action === 'upgrade' ? 'UpgradeSucceeded' : 'InstallSucceeded';
  const okMessage = `Helm ${action} succeeded for release ${target}.v${r.revision} with chart ${r.chart}@${r.version}`;
  switch (r.state) {
    case 'ready':
    case 'suspended':
      return {
        ...common,
        lastAttemptedReleaseAction: action,
        history: [deployed],
        failures: 0,
        conditions: [
          cond('Ready', 'True', okReason, okMessage),
          cond('Released', 'True', okReason, okMessage),
        ],
      };
    case 'progressing': {
      const msg = `Running '${r.revision > 0 ? 'upgrade' : 'install'}' action with timeout of 5m0s`;
      return {
        ...common,
        lastAttemptedReleaseAction: 'upgrade',
        history: [deployed],
        conditions: [
          cond('Reconciling', 'True', 'Progressing', msg, daysAgo(now, 0, 3)),
          cond('Ready', 'Unknown', 'Progressing', msg, daysAgo(now, 0, 3)),
          cond('Released', 'True', okReason, okMessage),
        ],
      };
    }
    case 'upgrade-failed': {
      const failed = {
        ...deployed,
        version: r.revision + 1,
        status: 'failed',
        chartVersion: r.next ?? r.version,
        digest: sha(`release:${target}:${r.revision + 1}`),
        lastDeployed: daysAgo(now, 0, 47),
      };
      return {
        ...common,
        lastAttemptedReleaseAction: 'upgrade',
        history: [failed, { ...deployed, status: 'superseded' }],
        failures: 4,
        upgradeFailures: 4,
        conditions: [
          cond(
            'Ready',
            'False',
            'UpgradeFailed',
            r.message ?? 'Helm upgrade failed',
            daysAgo(now, 0, 47),
          ),
          cond(
            'Released',
            'False',
            'UpgradeFailed',
            r.message ?? 'Helm upgrade failed',
            daysAgo(now, 0, 47),
          ),
          cond(
            'Remediated',
            'True',
            'RollbackSucceeded',
            `Helm rollback to previous release ${target}.v${r.revision} with chart ${r.chart}@${r.version} succeeded`,
            daysAgo(now, 0, 46),
          ),
        ],
      };
    }
    case 'install-failed':
      return {
        ...common,
        lastAttemptedReleaseAction: 'install',
        history: [{ ...deployed, status: 'failed', lastDeployed: daysAgo(now, 1, 5) }],
        failures: 5,
        installFailures: 5,
        conditions: [
          cond(
            'Stalled',
            'True',
            'RetriesExceeded',
            'Failed to install after 5 attempt(s)',
            daysAgo(now, 1, 5),
          ),
          cond(
            'Ready',
            'False',
            'InstallFailed',
            r.message ?? 'Helm install failed',
            daysAgo(now, 1, 5),
          ),
          cond(
            'Released',
            'False',
            'InstallFailed',
            r.message ?? 'Helm install failed',
            daysAgo(now, 1, 5),
          ),
        ],
      };
  }
}

export const fluxNamespaces = (): string[] => [
  ...new Set([SOURCE.namespace, 'cozy-system', ...releases.map((r) => r.namespace)]),
];

export async function seedFlux(c: SeedClient, now: Date): Promise<void> {
  const repo = helmRepository();
  await c.apply([repo]);
  await c.status(repo, helmRepositoryStatus(now), { unlessSet: 'conditions' });
  for (const [i, r] of releases.entries()) {
    const hr = helmReleaseObject(r);
    await c.apply([hr]);
    const cur = await c.get(hr);
    await c.status(hr, helmReleaseStatus(r, cur?.metadata.generation ?? 1, now, i), {
      unlessSet: 'conditions',
    });
  }
}
