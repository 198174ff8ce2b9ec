// A tenant Kubernetes cluster as Cluster API objects: CAPI v1beta2 Cluster, Kamaji control plane
// (v1alpha2), KubeVirt infrastructure (CAPK v1alpha1) and one MachineDeployment per node group.
// Everything carries stratus.dev/cluster so the whole set can be listed and deleted by label.
// (To move into the app's lib/clusters later.)
import type { KObj } from '../simulator/kube/types.ts';

export const STRATUS_CLUSTER_LABEL = 'stratus.dev/cluster';
export const CLUSTER_NAME_LABEL = 'cluster.x-k8s.io/cluster-name';
export const DEPLOYMENT_NAME_LABEL = 'cluster.x-k8s.io/deployment-name';

export interface NodeGroupSpec {
  name: string;
  replicas: number;
  cpu: number;
  memory: string;
  diskSize: string;
  storageClass: string;
}

export interface TenantClusterSpec {
  name: string;
  namespace: string;
  /** Kubernetes version, e.g. v1.34.1. */
  version: string;
  controlPlaneReplicas?: number;
  podCidr?: string;
  serviceCidr?: string;
  /** MetalLB pool for the control plane's LoadBalancer Service. */
  addressPool?: string;
  nodeGroups: NodeGroupSpec[];
}

const API = {
  cluster: 'cluster.x-k8s.io/v1beta2',
  kcp: 'controlplane.cluster.x-k8s.io/v1alpha2',
  infra: 'infrastructure.cluster.x-k8s.io/v1alpha1',
  bootstrap: 'bootstrap.cluster.x-k8s.io/v1beta2',
} as const;

/** CAPK's published node images follow the Kubernetes minor. */
const nodeImage = (version: string) => {
  const minor = /^v?(\d+\.\d+)/.exec(version)?.[1] ?? '1.34';
  return `docker://quay.io/capk/ubuntu-2404-container-disk:v${minor}.0`;
};

export function clusterObjects(spec: TenantClusterSpec): KObj[] {
  const { name, namespace } = spec;
  const labels = { [STRATUS_CLUSTER_LABEL]: name, [CLUSTER_NAME_LABEL]: name };
  const meta = (
    n: string,
    extra: Record<string, string> = {},
    annotations?: Record<string, string>,
  ) => ({
    name: n,
    namespace,
    labels: { ...labels, ...extra },
    ...(annotations ? { annotations } : {}),
  });

  const objects: KObj[] = [
    {
      apiVersion: API.cluster,
      kind: 'Cluster',
      metadata: meta(name),
      spec: {
        clusterNetwork: {
          pods: { cidrBlocks: [spec.podCidr ?? '10.243.0.0/16'] },
          services: { cidrBlocks: [spec.serviceCidr ?? '10.95.0.0/16'] },
          serviceDomain: 'cluster.local',
        },
        controlPlaneRef: {
          apiGroup: 'controlplane.cluster.x-k8s.io',
          kind: 'KamajiControlPlane',
          name,
        },
        infrastructureRef: {
          apiGroup: 'infrastructure.cluster.x-k8s.io',
          kind: 'KubevirtCluster',
          name,
        },
      },
    },
    {
      apiVersion: API.kcp,
      kind: 'KamajiControlPlane',
      metadata: meta(name),
      spec: {
        version: spec.version,
        replicas: spec.controlPlaneReplicas ?? 2,
        dataStoreName: 'default',
        addons: { coreDNS: {}, kubeProxy: {}, konnectivity: { server: { port: 8132 } } },
        kubelet: { cgroupfs: 'systemd', preferredAddressTypes: ['InternalIP', 'ExternalIP'] },
        network: {
          serviceType: 'LoadBalancer',
          ...(spec.addressPool
            ? { serviceAnnotations: { 'metallb.io/address-pool': spec.addressPool } }
            : {}),
        },
      },
    },
    {
      apiVersion: API.infra,
      kind: 'KubevirtCluster',
      // Kamaji provides the control plane endpoint; CAPK must not create its own load balancer.
      metadata: meta(name, {}, { 'cluster.x-k8s.io/managed-by': 'kamaji' }),
      spec: {},
    },
  ];

  for (const g of spec.nodeGroups) {
    const groupName = `${name}-${g.name}`;
    const groupLabels = { [DEPLOYMENT_NAME_LABEL]: groupName };
    objects.push(
      {
        apiVersion: API.infra,
        kind: 'KubevirtMachineTemplate',
        metadata: meta(groupName, groupLabels),
        spec: {
          template: {
            spec: {
              virtualMachineBootstrapCheck: { checkStrategy: 'ssh' },
              virtualMachineTemplate: {
                metadata: { namespace },
                spec: {
                  runStrategy: 'Always',
                  dataVolumeTemplates: [
                    {
                      metadata: { name: 'root' },
                      spec: {
                        source: { registry: { url: nodeImage(spec.version) } },
                        storage: {
                          resources: { requests: { storage: g.diskSize } },
                          storageClassName: g.storageClass,
                        },
                      },
                    },
                  ],
                  template: {
                    spec: {
                      domain: {
                        cpu: { cores: g.cpu },
                        memory: { guest: g.memory },
                        devices: {
                          disks: [{ name: 'root', disk: { bus: 'virtio' } }],
                          interfaces: [{ name: 'default', bridge: {} }],
                        },
                      },
                      networks: [{ name: 'default', pod: {} }],
                      evictionStrategy: 'External',
                      volumes: [{ name: 'root', dataVolume: { name: 'root' } }],
                    },
                  },
                },
              },
            },
          },
        },
      },
      {
        apiVersion: API.bootstrap,
        kind: 'KubeadmConfigTemplate',
        metadata: meta(groupName, groupLabels),
        spec: {
          template: {
            spec: {
              joinConfiguration: {
                nodeRegistration: {
                  kubeletExtraArgs: [
                    {
                      name: 'node-labels',
                      value: `node-role.kubernetes.io/worker=,stratus.dev/node-group=${g.name}`,
                    },
                  ],
                },
              },
            },
          },
        },
      },
      {
        apiVersion: API.cluster,
        kind: 'MachineDeployment',
        metadata: meta(groupName, groupLabels),
        spec: {
          clusterName: name,
          replicas: g.replicas,
          // The defaulting webhook that would fill these in doesn't run here; set them explicitly.
          selector: {
            matchLabels: { [CLUSTER_NAME_LABEL]: name, [DEPLOYMENT_NAME_LABEL]: groupName },
          },
          template: {
            metadata: {
              labels: { [CLUSTER_NAME_LABEL]: name, [DEPLOYMENT_NAME_LABEL]: groupName },
            },
            spec: {
              clusterName: name,
              version: spec.version,
              bootstrap: {
                configRef: {
                  apiGroup: 'bootstrap.cluster.x-k8s.io',
                  kind: 'KubeadmConfigTemplate',
                  name: groupName,
                },
              },
              infrastructureRef: {
                apiGroup: 'infrastructure.cluster.x-k8s.io',
                kind: 'KubevirtMachineTemplate',
                name: groupName,
              },
            },
          },
        },
      },
    );
  }
  return objects;
}
