// Form input → the Cluster API objects of one tenant cluster (Kamaji control plane, KubeVirt workers).
// Pure. No defaulting webhook runs on the management cluster, so selectors and labels are explicit.
import { apiVersionOf, models } from '../k8s/models';
import type { KubeObject } from '../k8s/types';
import type { CreateClusterInput, NodeGroupInput } from './schema';

export const CLUSTER_LABEL = 'stratus.dev/cluster';
export const NODE_GROUP_LABEL = 'stratus.dev/node-group';
export const CAPI_CLUSTER_NAME = 'cluster.x-k8s.io/cluster-name';
export const CAPI_DEPLOYMENT_NAME = 'cluster.x-k8s.io/deployment-name';
export const AUTOSCALER_MIN = 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size';
export const AUTOSCALER_MAX = 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size';

/** The worker image: CAPK's published Ubuntu container disk matching the Kubernetes minor. */
export function workerImage(version: string): string {
  return `docker://quay.io/capk/ubuntu-2404-container-disk:${version}`;
}

export interface BuiltCluster {
  /** In creation order: the Cluster first, so a second submission of the same name stops at once. */
  objects: KubeObject[];
}

function meta(
  name: string,
  namespace: string,
  cluster: string,
  extra: Record<string, string> = {},
) {
  return {
    name,
    namespace,
    labels: { [CLUSTER_LABEL]: cluster, [CAPI_CLUSTER_NAME]: cluster, ...extra },
  };
}

export function machineDeploymentName(cluster: string, group: string): string {
  return `${cluster}-${group}`;
}

export function buildCluster(input: CreateClusterInput, namespace: string): BuiltCluster {
  const c = input.name;
  const cluster: KubeObject = {
    apiVersion: apiVersionOf(models.clusters),
    kind: 'Cluster',
    metadata: meta(c, namespace, c),
    spec: {
      clusterNetwork: {
        pods: { cidrBlocks: [input.podCidr] },
        services: { cidrBlocks: [input.serviceCidr] },
      },
      controlPlaneRef: {
        apiGroup: models.kamajicontrolplanes.group,
        kind: 'KamajiControlPlane',
        name: c,
      },
      infrastructureRef: {
        apiGroup: models.kubevirtclusters.group,
        kind: 'KubevirtCluster',
        name: c,
      },
    },
  };
  const controlPlane: KubeObject = {
    apiVersion: apiVersionOf(models.kamajicontrolplanes),
    kind: 'KamajiControlPlane',
    metadata: meta(c, namespace, c),
    spec: {
      version: input.version,
      replicas: input.controlPlaneReplicas,
      dataStoreName: 'default',
      addons: { coreDNS: {}, kubeProxy: {}, konnectivity: {} },
      kubelet: { cgroupfs: 'systemd', preferredAddressTypes: ['InternalIP', 'ExternalIP'] },
      network: { serviceType: 'LoadBalancer' },
    },
  };
  const infrastructure: KubeObject = {
    apiVersion: apiVersionOf(models.kubevirtclusters),
    kind: 'KubevirtCluster',
    metadata: {
      ...meta(c, namespace, c),
      // Kamaji serves the control plane; without this CAPK would create its own load balancer.
      annotations: { 'cluster.x-k8s.io/managed-by': 'kamaji' },
    },
    spec: {},
  };
  const groups = input.nodeGroups.flatMap((g) => nodeGroupObjects(input, namespace, g));
  return { objects: [cluster, controlPlane, infrastructure, ...groups] };
}

function nodeGroupObjects(
  input: CreateClusterInput,
  namespace: string,
  g: NodeGroupInput,
): KubeObject[] {
  const c = input.name;
  const name = machineDeploymentName(c, g.name);
  const groupLabel = { [NODE_GROUP_LABEL]: g.name };
  const machineTemplate: KubeObject = {
    apiVersion: apiVersionOf(models.kubevirtmachinetemplates),
    kind: 'KubevirtMachineTemplate',
    metadata: meta(name, namespace, c, groupLabel),
    spec: {
      template: {
        spec: {
          virtualMachineBootstrapCheck: { checkStrategy: 'none' },
          virtualMachineTemplate: {
            metadata: { namespace },
            spec: {
              runStrategy: 'Always',
              dataVolumeTemplates: [
                {
                  metadata: { name: 'root' },
                  spec: {
                    source: { registry: { url: workerImage(input.version) } },
                    storage: {
                      accessModes: ['ReadWriteOnce'],
                      resources: { requests: { storage: `${g.diskGi}Gi` } },
                      storageClassName: g.storageClass,
                    },
                  },
                },
              ],
              template: {
                spec: {
                  domain: {
                    cpu: { cores: g.cpu },
                    memory: { guest: `${g.memoryGi}Gi` },
                    devices: { disks: [{ name: 'root', disk: { bus: 'virtio' } }] },
                  },
                  evictionStrategy: 'External',
                  volumes: [{ name: 'root', dataVolume: { name: 'root' } }],
                },
              },
            },
          },
        },
      },
    },
  };
  const bootstrap: KubeObject = {
    apiVersion: apiVersionOf(models.kubeadmconfigtemplates),
    kind: 'KubeadmConfigTemplate',
    metadata: meta(name, namespace, c, groupLabel),
    spec: {
      template: {
        spec: {
          joinConfiguration: {
            nodeRegistration: {
              kubeletExtraArgs: [
                {
                  name: 'node-labels',
                  value: `node-role.kubernetes.io/worker=,${NODE_GROUP_LABEL}=${g.name}`,
                },
              ],
            },
          },
        },
      },
    },
  };
  const selector = { [CAPI_CLUSTER_NAME]: c, [CAPI_DEPLOYMENT_NAME]: name };
  const machineDeployment: KubeObject = {
    apiVersion: apiVersionOf(models.machinedeployments),
    kind: 'MachineDeployment',
    metadata: {
      ...meta(name, namespace, c, { ...groupLabel, [CAPI_DEPLOYMENT_NAME]: name }),
      ...(g.autoscale
        ? {
            annotations: {
              [AUTOSCALER_MIN]: String(g.minReplicas),
              [AUTOSCALER_MAX]: String(g.maxReplicas),
            },
          }
        : {}),
    },
    spec: {
      clusterName: c,
      replicas: g.autoscale ? g.minReplicas : g.replicas,
      selector: { matchLabels: selector },
      template: {
        metadata: { labels: { ...selector, [CLUSTER_LABEL]: c, ...groupLabel } },
        spec: {
          clusterName: c,
          version: input.version,
          bootstrap: {
            configRef: {
              apiGroup: models.kubeadmconfigtemplates.group,
              kind: 'KubeadmConfigTemplate',
              name,
            },
          },
          infrastructureRef: {
            apiGroup: models.kubevirtmachinetemplates.group,
            kind: 'KubevirtMachineTemplate',
            name,
          },
        },
      },
    },
  };
  return [machineTemplate, bootstrap, machineDeployment];
}

/** Storage the cluster's worker root disks will request at its initial size (for the quota check). */
export function requestedStorageGi(input: CreateClusterInput): number {
  return input.nodeGroups.reduce(
    (sum, g) => sum + (g.autoscale ? g.minReplicas : g.replicas) * g.diskGi,
    0,
  );
}
