import { describe, expect, it } from 'vitest';

import type { HelmReleaseObj, HelmRepositoryObj } from '../kinds.ts';
import { remoteVerdict, type RemoteWorld } from './remote.ts';

const release = (
  name: string,
  chart: string,
  version: string,
  extra: Partial<HelmReleaseObj['spec']> = {},
): HelmReleaseObj => ({
  metadata: { name, namespace: 'tenant-a', uid: name },
  spec: {
    releaseName: chart,
    targetNamespace: 'kube-system',
    chart: {
      spec: {
        chart,
        version,
        sourceRef: { kind: 'HelmRepository', name: 'cilium', namespace: 'stratus-addons' },
      },
    },
    kubeConfig: { secretRef: { name: 'dev-kubeconfig', key: 'value' } },
    ...extra,
  },
});
const repo: HelmRepositoryObj = {
  metadata: { name: 'cilium', namespace: 'stratus-addons' },
  spec: { url: 'https://helm.cilium.io/' },
  status: {
    conditions: [
      { type: 'Ready', status: 'True', reason: 'Succeeded', message: '', lastTransitionTime: '' },
    ],
  },
};
const world = (over: Partial<RemoteWorld> = {}): RemoteWorld => ({
  release: () => undefined,
  repository: () => repo,
  secretExists: () => true,
  ...over,
});

describe('helm-controller for a tenant-cluster release', () => {
  it('installs a chart version the repository publishes', () => {
    expect(remoteVerdict(release('dev-cilium', 'cilium', '1.18.2'), world())).toMatchObject({
      ready: 'True',
      reason: 'InstallSucceeded',
      message: 'Helm install succeeded for release kube-system/cilium.v1 with chart cilium@1.18.2',
    });
  });

  it('fails a version the repository does not have, as source-controller says it', () => {
    expect(remoteVerdict(release('dev-cilium', 'cilium', '9.9.9'), world())).toEqual({
      ready: 'False',
      reason: 'SourceNotReady',
      message:
        "HelmChart 'stratus-addons/tenant-a-dev-cilium' is not ready: invalid chart reference: failed to get chart version for remote reference: no 'cilium' chart with version matching '9.9.9' found",
    });
  });

  it('waits for its source, its dependencies and the kubeconfig Secret', () => {
    expect(
      remoteVerdict(
        release('dev-cilium', 'cilium', '1.18.2'),
        world({ repository: () => undefined }),
      ).message,
    ).toContain(
      'failed to get source: helmrepositories.source.toolkit.fluxcd.io "cilium" not found',
    );
    const dependent = release('dev-x', 'cilium', '1.18.2', { dependsOn: [{ name: 'dev-cilium' }] });
    expect(remoteVerdict(dependent, world())).toMatchObject({
      reason: 'DependencyNotReady',
      message: "dependency 'tenant-a/dev-cilium' is not ready",
    });
    expect(
      remoteVerdict(
        release('dev-cilium', 'cilium', '1.18.2'),
        world({ secretExists: () => false }),
      ),
    ).toMatchObject({
      reason: 'RESTClientError',
      message: `could not get KubeConfig secret 'tenant-a/dev-kubeconfig': secrets "dev-kubeconfig" not found`,
    });
  });
});
