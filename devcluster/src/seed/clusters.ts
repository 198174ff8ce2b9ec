// The seed's tenant clusters, built by the app's own builder (lib/clusters/build.ts), so the demo's
// clusters are exactly what a tenant would get by clicking "Create cluster".
import { buildCluster } from '../../../lib/clusters/build.ts';
import { createClusterSchema } from '../../../lib/clusters/schema.ts';
import type { KObj } from '../simulator/kube/types.ts';

export {
  CAPI_CLUSTER_NAME as CLUSTER_NAME_LABEL,
  CAPI_DEPLOYMENT_NAME as DEPLOYMENT_NAME_LABEL,
  CLUSTER_LABEL as STRATUS_CLUSTER_LABEL,
} from '../../../lib/clusters/build.ts';

export interface NodeGroupSpec {
  name: string;
  replicas: number;
  cpu: number;
  /** Kubernetes quantity in Gi, e.g. "8Gi". */
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
  nodeGroups: NodeGroupSpec[];
}

const gi = (q: string) => Number(q.replace(/Gi$/, ''));

export function clusterObjects(spec: TenantClusterSpec): KObj[] {
  const input = createClusterSchema.parse({
    name: spec.name,
    version: spec.version,
    controlPlaneReplicas: spec.controlPlaneReplicas ?? 2,
    ...(spec.podCidr ? { podCidr: spec.podCidr } : {}),
    ...(spec.serviceCidr ? { serviceCidr: spec.serviceCidr } : {}),
    nodeGroups: spec.nodeGroups.map((g) => ({
      name: g.name,
      replicas: g.replicas,
      cpu: g.cpu,
      memoryGi: gi(g.memory),
      diskGi: gi(g.diskSize),
      storageClass: g.storageClass,
    })),
  });
  return buildCluster(input, spec.namespace).objects as KObj[];
}
