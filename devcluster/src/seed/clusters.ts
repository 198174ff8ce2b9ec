// The seed's tenant clusters, built by the app's own builder (lib/clusters/build.ts), so the demo's
// clusters are exactly what a tenant would get by clicking "Create cluster".
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { buildCluster, type BuildContext } from '../../../lib/clusters/build.ts';
import { previewContext } from '../../../lib/clusters/context.ts';
import { createClusterSchema, type CreateClusterInput } from '../../../lib/clusters/schema.ts';
import { instancetypeSizes, type Size } from '../../../lib/clusters/sizes.ts';
import { parsePlatformConfig, type PlatformConfig } from '../../../lib/platform/config.ts';
import type { KObj } from '../simulator/kube/types.ts';
import { catalogObjects } from './catalog.ts';

export {
  CAPI_CLUSTER_NAME as CLUSTER_NAME_LABEL,
  CAPI_DEPLOYMENT_NAME as DEPLOYMENT_NAME_LABEL,
  CLUSTER_LABEL as STRATUS_CLUSTER_LABEL,
} from '../../../lib/clusters/labels.ts';

export interface NodeGroupSpec {
  name: string;
  replicas: number;
  cpu: number;
  /** Kubernetes quantity in Gi, e.g. "8Gi". */
  memory: string;
  diskSize: string;
  storageClass: string;
  /** A seeded VirtualMachineClusterInstancetype instead of cpu/memory. */
  instancetype?: string;
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
  addons?: string[];
  personalAccess?: boolean;
}

let sizes: Map<string, Size> | undefined;
/** The seeded instancetypes' sizes (catalog.ts). */
export function seededSizes(): ReadonlyMap<string, Size> {
  sizes ??= instancetypeSizes(
    catalogObjects().filter((o) => o.kind === 'VirtualMachineClusterInstancetype'),
  );
  return sizes;
}

/** What the builder needs for a cluster in a seeded (or test) tenant namespace `tenant-<name>`. */
export function seedContext(
  namespace: string,
  input: CreateClusterInput,
  platform: PlatformConfig = devPlatform(),
): BuildContext {
  const where = { namespace, tenant: namespace.replace(/^tenant-/, '') };
  const ctx = previewContext(where, platform, seededSizes(), input);
  if (!ctx)
    throw new Error(`cluster ${input.name}: add-ons outside the catalog: ${input.addons.join()}`);
  return ctx;
}

const platformFile = path.resolve(import.meta.dirname, '../../../deploy/platform/platform.yaml');
let platform: PlatformConfig | undefined;
/** The platform configuration the dashboard reads too. */
export function devPlatform(): PlatformConfig {
  platform ??= parsePlatformConfig(readFileSync(platformFile, 'utf8'), platformFile);
  return platform;
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
      instancetype: g.instancetype ?? '',
    })),
    addons: spec.addons ?? [],
    personalAccess: spec.personalAccess ?? false,
  });
  return buildCluster(input, seedContext(spec.namespace, input)).objects as KObj[];
}
