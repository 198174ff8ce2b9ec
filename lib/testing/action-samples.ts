// One valid input per server action, aimed at the demo seed (tenant acme, its VM web-1, cluster
// prod, volume scratch, node node-a3…): the fuzzing suite mutates these, and the isolation matrix
// sends them as people who may not act there (had a refusal failed, the seed object would change).
// Pure: imported by unit tests and by the end-to-end suites alike.
import { defaultNodeGroup } from '../clusters/draft';
import { defaultVm } from '../vms/draft';

const ns = 'tenant-acme';
const quota = {
  cpu: '8',
  memoryGi: '16',
  storageGi: '100',
  vms: '5',
  clusters: '1',
  volumes: '5',
  loadBalancers: '2',
};

/** A name the seed never uses: a create refused must leave no object of it behind. */
export const probeName = 'iso-probe';

export const actionSamples = {
  createCluster: {
    namespace: ns,
    cluster: {
      name: probeName,
      version: 'v1.34.1',
      controlPlaneReplicas: 1,
      nodeGroups: [defaultNodeGroup],
    },
  },
  scaleClusterNodeGroup: {
    namespace: ns,
    machineDeployment: 'prod-general',
    size: { replicas: 4 },
  },
  upgradeCluster: { step: 'controlPlane', namespace: ns, cluster: 'prod', version: 'v1.34.1' },
  previewClusterDelete: { namespace: ns, cluster: 'prod' },
  deleteCluster: { namespace: ns, cluster: 'prod', confirm: 'prod' },
  setClusterAddon: { namespace: ns, cluster: 'prod', addon: 'cert-manager', enabled: false },
  createVm: { namespace: ns, vm: { ...defaultVm, name: probeName } },
  powerVm: { namespace: ns, name: 'web-1', op: 'stop' },
  migrateVm: { namespace: ns, name: 'web-1' },
  cancelVmMigration: { namespace: ns, migration: probeName },
  snapshotVm: { namespace: ns, name: 'web-1', snapshot: probeName },
  // bastion is stopped: a restore is refused for a running VM before anything is written.
  restoreVm: { namespace: ns, name: 'bastion', snapshot: probeName },
  previewVmDelete: { namespace: ns, name: 'web-1' },
  deleteVm: { namespace: ns, name: 'web-1', keepDisks: false, confirm: 'web-1' },
  addVmDisk: {
    namespace: ns,
    name: 'web-1',
    disk: { name: 'iso', sizeGi: '1', storageClass: 'replicated' },
  },
  removeVmDisk: { namespace: ns, name: 'db-1', volume: 'data' },
  deleteResource: { model: 'services', namespace: ns, name: 'web' },
  createLoadBalancer: {
    namespace: ns,
    lb: {
      name: probeName,
      ports: [{ protocol: 'TCP', port: '8022', targetPort: '22' }],
      target: 'vm',
      vm: 'web-1',
      selector: '',
      pool: 'public',
      ip: '',
      sharingKey: '',
      externalTrafficPolicy: 'Cluster',
    },
  },
  editLoadBalancerPorts: {
    namespace: ns,
    name: 'web',
    ports: [{ protocol: 'TCP', port: '8080', targetPort: '80' }],
  },
  deleteLoadBalancer: { namespace: ns, name: 'web', confirm: 'web' },
  reconcileRelease: { namespace: 'cozy-cilium', name: 'cilium', force: false },
  suspendRelease: { namespace: 'cozy-cilium', name: 'cilium', suspend: true },
  powerHost: { namespace: 'metal3', name: 'node-a1', op: 'reboot' },
  onboardTenant: {
    tenant: {
      name: probeName,
      displayName: 'Probe',
      adminGroups: '',
      viewerGroups: '',
      pools: [],
      quota,
    },
  },
  changeTenantQuota: { tenant: 'acme', quota },
  previewOffboard: { tenant: 'acme' },
  offboardTenant: { tenant: 'acme', confirm: 'acme' },
  createVolume: {
    namespace: ns,
    volume: { name: probeName, sizeGi: '1', storageClass: 'replicated' },
  },
  expandVolume: { namespace: ns, name: 'scratch', sizeGi: '60' },
  snapshotVolume: { namespace: ns, name: 'scratch', snapshot: probeName },
  deleteVolumeSnapshot: { namespace: ns, name: probeName },
  deleteVolume: { namespace: ns, name: 'scratch', detach: true, confirm: 'scratch' },
  volumeHealth: { namespace: ns },
  storageOverview: {},
  cordonNode: { name: 'node-a3', cordon: true },
  drainNode: { name: 'node-a3' },
  fenceNode: { name: 'node-a3', template: { namespace: 'medik8s', name: 'ipmi' } },
  pauseHealthCheck: { name: 'workers', pause: true },
  nodeReplicas: { name: 'node-a3' },
} satisfies Record<string, Record<string, unknown>>;

export type ActionName = keyof typeof actionSamples;
export const actionNames = Object.keys(actionSamples) as ActionName[];
