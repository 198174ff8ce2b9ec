// Form input → the Cluster API objects of one tenant cluster (Kamaji control plane, KubeVirt workers).
// Pure. No defaulting webhook runs on the management cluster, so selectors and labels are explicit.
import { apiVersionOf, models } from '../k8s/models';
import type { KubeObject } from '../k8s/types';
import { type AddonSpec, type PlatformConfig } from '../platform/config';
import { fillPattern } from '../platform/pattern';
import { addonRelease } from './addons';
import { parseLabels, parseRoles, parseTaints, roleLabel } from './node-registration';
import type { CreateClusterInput, NodeGroupInput } from './schema';
import { groupSize, type InstancetypeSizes } from './sizes';
import {
  CLUSTER_LABEL,
  NODE_GROUP_LABEL,
  CAPI_CLUSTER_NAME,
  CAPI_DEPLOYMENT_NAME,
  AUTOSCALER_MIN,
  AUTOSCALER_MAX,
} from './labels';

/** What cluster-autoscaler's clusterapi provider reads to scale a node group up from zero. */
const CAPACITY = 'capacity.cluster-autoscaler.kubernetes.io';

/** What the builder needs beyond the form: where, the platform's rules, and the resolved parts. */
export interface BuildContext {
  namespace: string;
  tenant: string;
  platform: PlatformConfig;
  /** The add-ons to install (resolveAddons). */
  addons: AddonSpec[];
  instancetypes: InstancetypeSizes;
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

export function buildCluster(input: CreateClusterInput, ctx: BuildContext): BuiltCluster {
  const c = input.name;
  const { namespace } = ctx;
  const where = { namespace, tenant: ctx.tenant, cluster: c };
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
    spec: controlPlaneSpec(input, ctx, where),
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
  const groups = input.nodeGroups.flatMap((g) => nodeGroupObjects(input, ctx, g));
  const releases = ctx.addons.map((a) => addonRelease(a, where, meta(c, namespace, c).labels));
  return { objects: [cluster, controlPlane, infrastructure, ...groups, ...releases] };
}

function controlPlaneSpec(
  input: CreateClusterInput,
  { platform }: BuildContext,
  where: { namespace: string; tenant: string; cluster: string },
) {
  const cp = platform.controlPlane;
  const preset = cp.presets[input.controlPlanePreset || cp.defaultPreset || ''] ?? {};
  const oidc = input.personalAccess ? platform.tenantOidc : undefined;
  const exposure = cp.exposure;
  const network =
    exposure.type === 'Ingress'
      ? {
          serviceType: 'ClusterIP',
          ingress: {
            className: exposure.className,
            hostname: fillPattern(exposure.hostname, where),
            // The API server terminates its own TLS (client certificates must reach it).
            extraAnnotations: { 'nginx.ingress.kubernetes.io/ssl-passthrough': 'true' },
          },
        }
      : { serviceType: 'LoadBalancer' };
  return {
    version: input.version,
    replicas: input.controlPlaneReplicas,
    dataStoreName: fillPattern(cp.dataStoreName, where),
    addons: { coreDNS: {}, kubeProxy: {}, konnectivity: {} },
    kubelet: { cgroupfs: 'systemd', preferredAddressTypes: ['InternalIP', 'ExternalIP'] },
    network,
    deployment: {
      podAdditionalMetadata: { labels: { ...cp.podLabels, [CLUSTER_LABEL]: where.cluster } },
    },
    apiServer: {
      ...(preset.apiServer ? { resources: preset.apiServer } : {}),
      ...(oidc
        ? {
            extraArgs: [
              `--oidc-issuer-url=${oidc.issuerUrl}`,
              `--oidc-client-id=${oidc.clientId}`,
              `--oidc-username-claim=${oidc.usernameClaim}`,
              `--oidc-username-prefix=${oidc.usernamePrefix}`,
              `--oidc-groups-claim=${oidc.groupsClaim}`,
              `--oidc-groups-prefix=${oidc.groupsPrefix}`,
            ],
          }
        : {}),
    },
    ...(preset.controllerManager
      ? { controllerManager: { resources: preset.controllerManager } }
      : {}),
    ...(preset.scheduler ? { scheduler: { resources: preset.scheduler } } : {}),
  };
}

/** The KubeVirt VM's size: the instancetype's, or explicit domain resources. */
function vmSizing(g: NodeGroupInput) {
  return g.instancetype
    ? {
        instancetype: { kind: 'VirtualMachineClusterInstancetype', name: g.instancetype },
        domain: {},
      }
    : { domain: { cpu: { cores: g.cpu }, memory: { guest: `${g.memoryGi}Gi` } } };
}

function nodeGroupObjects(
  input: CreateClusterInput,
  ctx: BuildContext,
  g: NodeGroupInput,
): KubeObject[] {
  const c = input.name;
  const { namespace, platform } = ctx;
  const workers = platform.workers;
  const image = workers.images[input.version] ?? '';
  const sizing = vmSizing(g);
  const labels = parseLabels(g.labels) ?? [];
  const taints = parseTaints(g.taints) ?? [];
  const roles = Object.fromEntries(parseRoles(g.roles).map((r) => [roleLabel(r), '']));
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
              ...(sizing.instancetype ? { instancetype: sizing.instancetype } : {}),
              dataVolumeTemplates: [
                {
                  metadata: {
                    name: 'root',
                    ...(Object.keys(workers.diskAnnotations).length
                      ? { annotations: workers.diskAnnotations }
                      : {}),
                  },
                  spec: {
                    source: { registry: { url: image } },
                    storage: {
                      accessModes: [workers.diskAccessMode],
                      volumeMode: workers.diskVolumeMode,
                      resources: { requests: { storage: `${g.diskGi}Gi` } },
                      storageClassName: g.storageClass,
                    },
                  },
                },
              ],
              template: {
                spec: {
                  domain: {
                    ...sizing.domain,
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
            // Only labels the kubelet accepts; the roles travel on the Machine template.
            nodeRegistration: {
              kubeletExtraArgs: [
                {
                  name: 'node-labels',
                  value: [[NODE_GROUP_LABEL, g.name], ...labels]
                    .map(([k, v]) => `${k}=${v}`)
                    .join(','),
                },
              ],
              ...(taints.length ? { taints } : {}),
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
      ...(g.autoscale ? { annotations: autoscalerAnnotations(g, ctx, labels, taints) } : {}),
    },
    spec: {
      clusterName: c,
      replicas: g.autoscale ? g.minReplicas : g.replicas,
      selector: { matchLabels: selector },
      template: {
        metadata: { labels: { ...selector, [CLUSTER_LABEL]: c, ...groupLabel, ...roles } },
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
  return [machineTemplate, bootstrap, machineDeployment, healthCheck(c, namespace, g, ctx)];
}

/** Replaces workers whose node stays unhealthy; the Machine's owner (the MachineSet) remediates. */
function healthCheck(
  c: string,
  namespace: string,
  g: NodeGroupInput,
  ctx: BuildContext,
): KubeObject {
  const name = machineDeploymentName(c, g.name);
  const hc = ctx.platform.workers.healthCheck;
  return {
    apiVersion: apiVersionOf(models.machinehealthchecks),
    kind: 'MachineHealthCheck',
    metadata: meta(name, namespace, c, { [NODE_GROUP_LABEL]: g.name }),
    spec: {
      clusterName: c,
      selector: { matchLabels: { [CAPI_CLUSTER_NAME]: c, [CAPI_DEPLOYMENT_NAME]: name } },
      checks: {
        nodeStartupTimeoutSeconds: hc.nodeStartupTimeoutSeconds,
        unhealthyNodeConditions: hc.unhealthyNodeConditions,
      },
      // int-or-string: a count must be a number (a string must be a percentage).
      remediation: {
        triggerIf: {
          unhealthyLessThanOrEqualTo: /^\d+$/.test(hc.maxUnhealthy)
            ? Number(hc.maxUnhealthy)
            : hc.maxUnhealthy,
        },
      },
    },
  };
}

/** Bounds for cluster-autoscaler, and the node's shape so it can scale up from zero. */
function autoscalerAnnotations(
  g: NodeGroupInput,
  ctx: BuildContext,
  labels: [string, string][],
  taints: { key: string; value?: string; effect: string }[],
): Record<string, string> {
  const size = groupSize(g, ctx.instancetypes);
  return {
    [AUTOSCALER_MIN]: String(g.minReplicas),
    [AUTOSCALER_MAX]: String(g.maxReplicas),
    ...(size
      ? {
          [`${CAPACITY}/cpu`]: String(size.cpu),
          [`${CAPACITY}/memory`]: `${Math.round(size.memoryGi * 1024)}Mi`,
        }
      : {}),
    [`${CAPACITY}/ephemeral-disk`]: `${g.diskGi}Gi`,
    [`${CAPACITY}/maxPods`]: '110',
    [`${CAPACITY}/labels`]: [[NODE_GROUP_LABEL, g.name], ...labels]
      .map(([k, v]) => `${k}=${v}`)
      .join(','),
    ...(taints.length
      ? {
          [`${CAPACITY}/taints`]: taints
            .map((t) => `${t.key}=${t.value ?? ''}:${t.effect}`)
            .join(','),
        }
      : {}),
  };
}

/** Storage the cluster's worker root disks will request at its initial size (for the quota check). */
export function requestedStorageGi(input: CreateClusterInput): number {
  return input.nodeGroups.reduce(
    (sum, g) => sum + (g.autoscale ? g.minReplicas : g.replicas) * g.diskGi,
    0,
  );
}
