import { describe, expect, it } from 'vitest';

import { devPlatform, testContext } from '../testing/platform';
import { parsePlatformConfig } from '../platform/config';
import { AUTOSCALER_MAX } from './labels';
import { buildCluster, requestedStorageGi } from './build';
import { createClusterSchema } from './schema';
import { defaultNodeGroup } from './draft';

const input = createClusterSchema.parse({
  name: 'dev',
  version: 'v1.34.1',
  controlPlaneReplicas: 2,
  addons: ['ingress-nginx'],
  nodeGroups: [
    {
      ...defaultNodeGroup,
      roles: 'worker, ingress',
      labels: 'zone=a',
      taints: 'edge=true:NoSchedule',
    },
    {
      ...defaultNodeGroup,
      name: 'gpu',
      instancetype: '',
      cpu: 8,
      memoryGi: 32,
      autoscale: true,
      minReplicas: 1,
      maxReplicas: 4,
      diskGi: 50,
    },
  ],
});

type Obj = { kind?: string; metadata?: { name?: string }; spec?: unknown };
const spec = (objects: Obj[], kind: string, name: string): Record<string, unknown> => {
  const o = objects.find((x) => x.kind === kind && x.metadata?.name === name);
  if (!o) throw new Error(`no ${kind}/${name}`);
  return o.spec as Record<string, unknown>;
};
const at = (o: unknown, p: string): unknown =>
  p
    .split('.')
    .reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      o,
    );

describe('buildCluster', () => {
  const { objects } = buildCluster(input, testContext('tenant-acme', input));

  it('builds the Cluster first, then control plane, infrastructure, four objects per node group and the add-ons', () => {
    expect(objects.map((o) => `${o.kind}/${o.metadata?.name}`)).toEqual([
      'Cluster/dev',
      'KamajiControlPlane/dev',
      'KubevirtCluster/dev',
      'KubevirtMachineTemplate/dev-workers',
      'KubeadmConfigTemplate/dev-workers',
      'MachineDeployment/dev-workers',
      'MachineHealthCheck/dev-workers',
      'KubevirtMachineTemplate/dev-gpu',
      'KubeadmConfigTemplate/dev-gpu',
      'MachineDeployment/dev-gpu',
      'MachineHealthCheck/dev-gpu',
      'HelmRelease/dev-cilium',
      'HelmRelease/dev-ingress-nginx',
    ]);
  });

  it('labels everything with the cluster and puts it in the tenant namespace', () => {
    for (const o of objects) {
      expect(o.metadata?.namespace).toBe('tenant-acme');
      expect(o.metadata?.labels?.['stratus.dev/cluster']).toBe('dev');
    }
  });

  it('marks the KubevirtCluster as managed by Kamaji', () => {
    expect(objects[2]?.metadata?.annotations?.['cluster.x-k8s.io/managed-by']).toBe('kamaji');
  });

  it('passes the kubelet only labels it accepts; roles go on the Machine template', () => {
    const kct = spec(objects, 'KubeadmConfigTemplate', 'dev-workers');
    const reg = at(kct, 'template.spec.joinConfiguration.nodeRegistration') as {
      kubeletExtraArgs: { name: string; value: string }[];
      taints: unknown[];
    };
    expect(reg.kubeletExtraArgs).toEqual([
      { name: 'node-labels', value: 'stratus.dev/node-group=workers,zone=a' },
    ]);
    expect(reg.kubeletExtraArgs[0]?.value).not.toContain('kubernetes.io');
    expect(reg.taints).toEqual([{ key: 'edge', value: 'true', effect: 'NoSchedule' }]);
    const md = spec(objects, 'MachineDeployment', 'dev-workers');
    expect(at(md, 'template.metadata.labels')).toMatchObject({
      'node-role.kubernetes.io/worker': '',
      'node-role.kubernetes.io/ingress': '',
    });
  });

  it('sizes workers by instancetype, or by explicit domain resources', () => {
    const named = spec(objects, 'KubevirtMachineTemplate', 'dev-workers');
    const vm = at(named, 'template.spec.virtualMachineTemplate.spec');
    expect(at(vm, 'instancetype')).toEqual({
      kind: 'VirtualMachineClusterInstancetype',
      name: 'u1.medium',
    });
    expect(at(vm, 'template.spec.domain.cpu')).toBeUndefined();
    const custom = at(
      spec(objects, 'KubevirtMachineTemplate', 'dev-gpu'),
      'template.spec.virtualMachineTemplate.spec',
    );
    expect(at(custom, 'instancetype')).toBeUndefined();
    expect(at(custom, 'template.spec.domain.cpu')).toEqual({ cores: 8 });
    expect(at(custom, 'template.spec.domain.memory')).toEqual({ guest: '32Gi' });
  });

  it('takes the worker image, disk mode and CDI annotations from the platform', () => {
    const dv = (
      at(
        spec(objects, 'KubevirtMachineTemplate', 'dev-workers'),
        'template.spec.virtualMachineTemplate.spec.dataVolumeTemplates',
      ) as unknown[]
    )[0];
    expect(at(dv, 'spec.source.registry.url')).toBe(devPlatform().workers.images['v1.34.1']);
    expect(at(dv, 'spec.storage.accessModes')).toEqual(['ReadWriteMany']);
    expect(at(dv, 'spec.storage.volumeMode')).toBe('Block');
    expect(at(dv, 'metadata.annotations')).toEqual(devPlatform().workers.diskAnnotations);
  });

  it('gives the control plane the tenant datastore, pod labels and preset resources', () => {
    const kcp = spec(objects, 'KamajiControlPlane', 'dev');
    expect(kcp.dataStoreName).toBe('tenant-acme');
    expect(at(kcp, 'deployment.podAdditionalMetadata.labels')).toMatchObject({
      'stratus.dev/tenant-control-plane': 'true',
    });
    expect(at(kcp, 'apiServer.resources')).toEqual(
      devPlatform().controlPlane.presets.small?.apiServer,
    );
    expect(at(kcp, 'apiServer.extraArgs')).toBeUndefined();
    expect(at(kcp, 'network.serviceType')).toBe('LoadBalancer');
  });

  it('trusts the platform issuer only when personal access is asked for', () => {
    const personal = { ...input, personalAccess: true };
    const built = buildCluster(personal, testContext('tenant-acme', personal)).objects;
    expect(at(spec(built, 'KamajiControlPlane', 'dev'), 'apiServer.extraArgs')).toEqual(
      expect.arrayContaining([
        '--oidc-issuer-url=http://127.0.0.1:15556',
        '--oidc-client-id=kubernetes',
      ]),
    );
    // The access add-on binds the tenant's groups inside the cluster.
    expect(built.map((o) => o.metadata?.name)).toContain('dev-tenant-access');
    const access = spec(built, 'HelmRelease', 'dev-tenant-access');
    expect(at(access, 'values.admins')).toEqual(['oidc:tenant-acme-admins']);
  });

  it('exposes the control plane through an ingress when the platform says so', () => {
    const platform = { ...devPlatform() };
    platform.controlPlane = {
      ...platform.controlPlane,
      exposure: {
        type: 'Ingress',
        className: 'nginx',
        hostname: '{cluster}.{tenant}.k8s.example.net',
      },
    };
    const kcp = spec(
      buildCluster(input, testContext('tenant-acme', input, platform)).objects,
      'KamajiControlPlane',
      'dev',
    );
    expect(at(kcp, 'network.serviceType')).toBe('ClusterIP');
    expect(at(kcp, 'network.ingress.hostname')).toBe('dev.acme.k8s.example.net');
  });

  it('makes add-ons HelmReleases that install into the tenant cluster after the CNI', () => {
    const cni = spec(objects, 'HelmRelease', 'dev-cilium');
    expect(at(cni, 'kubeConfig.secretRef')).toEqual({ name: 'dev-kubeconfig', key: 'value' });
    expect(at(cni, 'chart.spec')).toMatchObject({
      chart: 'cilium',
      version: '1.18.2',
      sourceRef: { kind: 'HelmRepository', name: 'cilium', namespace: 'stratus-addons' },
    });
    expect(at(cni, 'dependsOn')).toBeUndefined();
    const ingress = spec(objects, 'HelmRelease', 'dev-ingress-nginx');
    expect(at(ingress, 'dependsOn')).toEqual([{ name: 'dev-cilium' }]);
    expect(at(ingress, 'install.createNamespace')).toBe(true);
    expect(at(ingress, 'targetNamespace')).toBe('ingress-nginx');
  });

  it('health-checks each node group by its Machines', () => {
    const mhc = spec(objects, 'MachineHealthCheck', 'dev-gpu');
    expect(mhc.clusterName).toBe('dev');
    expect(at(mhc, 'selector.matchLabels')).toEqual({
      'cluster.x-k8s.io/cluster-name': 'dev',
      'cluster.x-k8s.io/deployment-name': 'dev-gpu',
    });
    expect(at(mhc, 'remediation.triggerIf.unhealthyLessThanOrEqualTo')).toBe('40%');
    expect(at(mhc, 'checks.nodeStartupTimeoutSeconds')).toBe(600);
  });

  it('sets MachineDeployment selectors to match template labels, autoscaler bounds and scale-from-zero capacity', () => {
    const md = objects[9] as {
      metadata: { annotations?: Record<string, string> };
      spec: {
        replicas: number;
        selector: { matchLabels: Record<string, string> };
        template: { metadata: { labels: Record<string, string> } };
      };
    };
    for (const [k, v] of Object.entries(md.spec.selector.matchLabels))
      expect(md.spec.template.metadata.labels[k]).toBe(v);
    expect(md.spec.replicas).toBe(1);
    expect(md.metadata.annotations?.[AUTOSCALER_MAX]).toBe('4');
    expect(md.metadata.annotations).toMatchObject({
      'capacity.cluster-autoscaler.kubernetes.io/cpu': '8',
      'capacity.cluster-autoscaler.kubernetes.io/memory': '32768Mi',
      'capacity.cluster-autoscaler.kubernetes.io/ephemeral-disk': '50Gi',
    });
  });

  it('sums the root disks the workers will request', () => {
    expect(requestedStorageGi(input)).toBe(2 * 20 + 1 * 50);
  });
});

describe('the platform configuration', () => {
  it('refuses a catalog without a CNI, unknown dependencies and bad versions, naming each', () => {
    const bad = `
workers: { images: { 'latest': 'docker://x' } }
addons:
  - { id: a, chart: a, version: '1', source: { kind: HelmRepository, name: s, namespace: n }, targetNamespace: t, dependsOn: [nope] }
`;
    expect(() => parsePlatformConfig(bad, 'p.yaml')).toThrow(
      /workers\.images\.latest: is not a Kubernetes version[\s\S]*dependsOn: names nope[\s\S]*exactly one add-on with role cni/,
    );
  });
});
