// What the create-cluster form edits, and its defaults: no schema here, so the form's first load
// does not carry the validator (lib/clusters/create-kit.ts loads it).
import type { NodeGroupInput } from './schema';

/** What the form edits: numbers stay strings until the schema coerces them. */
export interface NodeGroupDraft {
  name: string;
  autoscale: boolean;
  replicas: string;
  minReplicas: string;
  maxReplicas: string;
  cpu: string;
  memoryGi: string;
  diskGi: string;
  storageClass: string;
  instancetype: string;
  roles: string;
  labels: string;
  taints: string;
}
export interface ClusterDraft {
  name: string;
  version: string;
  controlPlaneReplicas: string;
  nodeGroups: NodeGroupDraft[];
  podCidr: string;
  serviceCidr: string;
  addons: string[];
  personalAccess: boolean;
  controlPlanePreset: string;
}

export function nodeGroupDraft(g: NodeGroupInput): NodeGroupDraft {
  return {
    ...g,
    replicas: String(g.replicas),
    minReplicas: String(g.minReplicas),
    maxReplicas: String(g.maxReplicas),
    cpu: String(g.cpu),
    memoryGi: String(g.memoryGi),
    diskGi: String(g.diskGi),
  };
}

export const defaultNodeGroup: NodeGroupInput = {
  name: 'workers',
  autoscale: false,
  replicas: 2,
  minReplicas: 1,
  maxReplicas: 3,
  cpu: 2,
  memoryGi: 4,
  diskGi: 20,
  storageClass: 'replicated',
  instancetype: 'u1.medium',
  roles: 'worker',
  labels: '',
  taints: '',
};
