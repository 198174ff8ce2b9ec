// Everything a controller needs: the API client, the shared informers, the event recorder and the
// speed factor. One informer per kind, shared by every controller that reads it.
import type { BareMetalHostObj } from './metal3/power.ts';
import type {
  ClusterObj,
  DataVolumeObj,
  FarObj,
  HelmReleaseObj,
  HelmRepositoryObj,
  KubeadmConfigTemplateObj,
  InstancetypeObj,
  KcpObj,
  KvcObj,
  MachineDeploymentObj,
  MachineObj,
  NodeObj,
  PvcObj,
  PvObj,
  SecretObj,
  ServiceObj,
  StorageClassObj,
  TcpObj,
  VmiObj,
  VmimObj,
  VmObj,
  VmRestoreObj,
  VmSnapshotContentObj,
  VmSnapshotObj,
  VolumeSnapshotClassObj,
  VolumeSnapshotObj,
} from './kinds.ts';
import type { MhcObj } from './capi/healthcheck.ts';
import type { DataSourceLike } from './cdi/datavolume.ts';
import { Informer } from './kube/informer.ts';
import type { Rest } from './kube/rest.ts';
import { R, type KObj } from './kube/types.ts';
import type { Recorder } from './events.ts';
import { Runner, type Plan } from './runner.ts';

/**
 * Objects of the scale seed (bench/scale-seed.ts) carry this label. The simulator does not watch
 * them: tens of thousands of VMs, claims and clusters would each get a reconcile loop on the same
 * 2 cores the benchmarks measure. The seed writes their settled status itself, once.
 */
export const SCALE_LABEL = 'stratus.dev/scale';
const notScale = { labelSelector: `!${SCALE_LABEL}` };

export function makeInformers(rest: Rest, log: (msg: string) => void) {
  const i = <T extends KObj>(
    res: (typeof R)[keyof typeof R],
    opts: { labelSelector?: string } = {},
  ) => new Informer<T>(rest, res, opts, log);
  return {
    namespaces: i<KObj & { status?: { phase?: string } }>(R.namespace),
    nodes: i<NodeObj>(R.node, notScale),
    services: i<ServiceObj>(R.service),
    pvcs: i<PvcObj>(R.pvc, notScale),
    pvs: i<PvObj>(R.pv, notScale),
    storageClasses: i<StorageClassObj>(R.storageClass),
    // Only the Secrets the simulator writes; a dev cluster has few others, but keep the cache lean.
    kubeconfigSecrets: i<SecretObj>(R.secret, { labelSelector: 'cluster.x-k8s.io/cluster-name' }),
    clusters: i<ClusterObj>(R.cluster, notScale),
    machineDeployments: i<MachineDeploymentObj>(R.machineDeployment),
    machines: i<MachineObj>(R.machine),
    kcps: i<KcpObj>(R.kamajiControlPlane),
    tcps: i<TcpObj>(R.tenantControlPlane),
    kvcs: i<KvcObj>(R.kubevirtCluster),
    vms: i<VmObj>(R.virtualMachine, notScale),
    vmis: i<VmiObj>(R.virtualMachineInstance),
    migrations: i<VmimObj>(R.virtualMachineInstanceMigration),
    vmSnapshots: i<VmSnapshotObj>(R.vmSnapshot),
    vmSnapshotContents: i<VmSnapshotContentObj>(R.vmSnapshotContent),
    vmRestores: i<VmRestoreObj>(R.vmRestore),
    volumeSnapshots: i<VolumeSnapshotObj>(R.volumeSnapshot),
    volumeSnapshotClasses: i<VolumeSnapshotClassObj>(R.volumeSnapshotClass),
    instancetypes: i<InstancetypeObj>(R.clusterInstancetype),
    dataVolumes: i<DataVolumeObj>(R.dataVolume),
    dataSources: i<DataSourceLike>(R.dataSource),
    helmReleases: i<HelmReleaseObj>(R.helmRelease, notScale),
    helmRepositories: i<HelmRepositoryObj>(R.helmRepository),
    kubeadmConfigTemplates: i<KubeadmConfigTemplateObj>(R.kubeadmConfigTemplate),
    dataStores: i<KObj>(R.dataStore),
    healthChecks: i<MhcObj>(R.machineHealthCheck),
    fars: i<FarObj>(R.fenceAgentsRemediation),
    bareMetalHosts: i<BareMetalHostObj>(R.bareMetalHost),
  };
}

export type Informers = ReturnType<typeof makeInformers>;

export interface World {
  rest: Rest;
  inf: Informers;
  events: Recorder;
  speed: number;
  log: (msg: string) => void;
  /** PEM of the dev cluster's CA: stands in for tenant clusters' CAs in generated kubeconfigs. */
  caPem: string;
  runners: Runner[];
}

/**
 * A runner whose decide() is skipped for objects in a terminating namespace: the namespace
 * controller is deleting them, and creating anything there would be refused anyway.
 */
export function runner(
  w: World,
  name: string,
  decide: (key: string) => Plan[],
  /** Keys still decided in a terminating namespace: objects whose finalizers only we remove. */
  finishInTerminating?: (key: string) => boolean,
): Runner {
  const guarded = (key: string): Plan[] => {
    const [ns] = splitKey(key);
    const n = ns ? w.inf.namespaces.get(undefined, ns) : undefined;
    if (n && (n.metadata.deletionTimestamp || n.status?.phase === 'Terminating'))
      return finishInTerminating?.(key) ? decide(key) : [];
    return decide(key);
  };
  const r = new Runner(name, w.speed, guarded, w.log);
  w.runners.push(r);
  return r;
}

/** "ns/name" → [ns, name]; cluster-scoped keys have no slash. */
export function splitKey(key: string): [string | undefined, string] {
  const i = key.indexOf('/');
  return i < 0 ? [undefined, key] : [key.slice(0, i), key.slice(i + 1)];
}
