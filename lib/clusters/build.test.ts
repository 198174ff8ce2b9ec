import { describe, expect, it } from 'vitest';

import { AUTOSCALER_MAX, buildCluster, requestedStorageGi } from './build';
import { createClusterSchema, defaultNodeGroup } from './schema';

const input = createClusterSchema.parse({
  name: 'dev',
  version: 'v1.34.1',
  controlPlaneReplicas: 2,
  nodeGroups: [
    defaultNodeGroup,
    {
      ...defaultNodeGroup,
      name: 'gpu',
      autoscale: true,
      minReplicas: 1,
      maxReplicas: 4,
      diskGi: 50,
    },
  ],
});

describe('buildCluster', () => {
  const { objects } = buildCluster(input, 'tenant-acme');

  it('builds the Cluster first, then control plane, infrastructure and three objects per node group', () => {
    expect(objects.map((o) => `${o.kind}/${o.metadata?.name}`)).toEqual([
      'Cluster/dev',
      'KamajiControlPlane/dev',
      'KubevirtCluster/dev',
      'KubevirtMachineTemplate/dev-workers',
      'KubeadmConfigTemplate/dev-workers',
      'MachineDeployment/dev-workers',
      'KubevirtMachineTemplate/dev-gpu',
      'KubeadmConfigTemplate/dev-gpu',
      'MachineDeployment/dev-gpu',
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

  it('sets MachineDeployment selectors to match template labels, and autoscaler bounds', () => {
    const md = objects[8] as {
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
  });

  it('sums the root disks the workers will request', () => {
    expect(requestedStorageGi(input)).toBe(2 * 20 + 1 * 50);
  });
});
