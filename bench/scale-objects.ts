// What the scale seed creates, as pure builders: the counts at a factor and every object, each
// labelled stratus.dev/scale (the simulator does not watch them, see devcluster/src/simulator/world.ts)
// with the settled status the seed writes itself.
import { clusterObjects } from '../devcluster/src/seed/clusters';
import { fleet } from '../devcluster/src/seed/fleet';
import { nodeObject, nodeStatus } from '../devcluster/src/seed/nodes';
import { tenantObjects } from '../devcluster/src/seed/tenants';
import { images, vmObject } from '../devcluster/src/seed/workloads';
import type { KObj } from '../devcluster/src/simulator/kube/types';
import { SCALE_LABEL } from '../devcluster/src/simulator/world';
import { readyReleaseStatus, testRelease } from '../lib/testing/releases';

export { SCALE_LABEL };

/** Factor 1, as issue 14 sets it; `--factor N` multiplies every count. */
const BASE = { tenants: 50, vms: 2000, clusters: 500, volumes: 5000, releases: 200, nodes: 100 };
export type Kind = keyof typeof BASE;
export const KINDS = Object.keys(BASE) as Kind[];
export type Counts = Record<Kind, number>;

export function scaleCounts(factor: number): Counts {
  if (!(factor > 0)) throw new Error(`--factor must be a positive number, got ${factor}`);
  return Object.fromEntries(
    KINDS.map((k) => [k, Math.max(1, Math.round(BASE[k] * factor))]),
  ) as Counts;
}

/** One object to create, and the status to write once it exists (the simulator won't). */
export interface Seeded {
  obj: KObj;
  status?: Record<string, unknown>;
}

const pad = (i: number, n = 5) => String(i).padStart(n, '0');
export const tenantName = (i: number) => `scale-${pad(i + 1, 3)}`;
export const vmName = (i: number) => `scale-vm-${pad(i)}`;
/** The tenant that holds a tenth of the VMs (200 at factor 1): the "tenant with 200 VMs". */
export const BIG_TENANT = tenantName(0);

const labelled = (o: KObj): KObj => ({
  ...o,
  metadata: { ...o.metadata, labels: { ...o.metadata.labels, [SCALE_LABEL]: 'true' } },
});

/** VM i's tenant: the first tenant holds a tenth of them, the rest are dealt round the others. */
export function vmTenant(i: number, c: Counts): number {
  const big = Math.ceil(c.vms / 10);
  if (i < big || c.tenants === 1) return 0;
  return 1 + ((i - big) % (c.tenants - 1));
}

const ns = (t: number) => `tenant-${tenantName(t)}`;
const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

function tenants(c: Counts): Seeded[] {
  return Array.from({ length: c.tenants }, (_, t) =>
    tenantObjects({
      name: tenantName(t),
      displayName: `Scale ${pad(t + 1, 3)}`,
      namespace: ns(t),
    })
      // No quota: the seed's counts would exceed the demo quota, and quota admission serialises
      // every create in a namespace on one object.
      .filter((o) => o.kind !== 'ResourceQuota')
      .map((o) => ({ obj: labelled(o) })),
  ).flat();
}

function vms(c: Counts): Seeded[] {
  const kinds = ['u1.small', 'u1.medium', 'u1.large'];
  return Array.from({ length: c.vms }, (_, i) => ({
    obj: labelled(
      vmObject({
        name: vmName(i),
        namespace: ns(vmTenant(i, c)),
        instancetype: kinds[i % kinds.length] ?? 'u1.small',
        preference: 'ubuntu',
        image: images.ubuntu,
        rootSize: '20Gi',
        storageClass: 'replicated',
        runStrategy: 'Halted',
      }),
    ),
    status: {
      printableStatus: 'Stopped',
      ready: false,
      created: false,
      conditions: [{ type: 'Ready', status: 'False', reason: 'VMINotExists', lastProbeTime: null }],
    },
  }));
}

function clusters(c: Counts): Seeded[] {
  return Array.from({ length: c.clusters }, (_, i) => {
    const objects = clusterObjects({
      name: `scale-cl-${pad(i, 4)}`,
      namespace: ns(i % c.tenants),
      version: 'v1.34.1',
      controlPlaneReplicas: 1,
      nodeGroups: [
        {
          name: 'general',
          replicas: 2,
          cpu: 2,
          memory: '8Gi',
          diskSize: '40Gi',
          storageClass: 'replicated',
        },
      ],
    });
    // The Cluster alone: its control plane, machines and add-ons would multiply the count by 13.
    const cluster = objects.find((o) => o.kind === 'Cluster');
    if (!cluster) throw new Error('buildCluster made no Cluster');
    const t = now();
    return {
      obj: labelled(cluster),
      status: {
        phase: 'Provisioned',
        initialization: { infrastructureProvisioned: true, controlPlaneInitialized: true },
        controlPlane: { desiredReplicas: 1, replicas: 1, readyReplicas: 1, availableReplicas: 1 },
        workers: { desiredReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2 },
        conditions: ['Available', 'ControlPlaneAvailable', 'WorkersAvailable'].map((type) => ({
          type,
          status: 'True',
          reason: type,
          message: '',
          lastTransitionTime: t,
        })),
      },
    };
  });
}

/** A claim and its volume, bound to each other up front: the PV controller just confirms it. */
function volumes(c: Counts): Seeded[] {
  return Array.from({ length: c.volumes }, (_, i) => {
    const name = `scale-pvc-${pad(i)}`;
    const namespace = ns(i % c.tenants);
    const pv = `scale-pv-${pad(i)}`;
    const storage = `${1 + (i % 50)}Gi`;
    return [
      {
        obj: labelled({
          apiVersion: 'v1',
          kind: 'PersistentVolume',
          metadata: { name: pv },
          spec: {
            capacity: { storage },
            accessModes: ['ReadWriteOnce'],
            volumeMode: 'Filesystem',
            // Retain: removing the seed deletes these itself, no provisioner is asked to.
            persistentVolumeReclaimPolicy: 'Retain',
            storageClassName: 'replicated',
            claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace, name },
            csi: { driver: 'linstor.csi.linbit.com', volumeHandle: pv, fsType: 'ext4' },
          },
        }),
      },
      {
        obj: labelled({
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: { name, namespace },
          spec: {
            accessModes: ['ReadWriteOnce'],
            volumeMode: 'Filesystem',
            resources: { requests: { storage } },
            storageClassName: 'replicated',
            volumeName: pv,
          },
        }),
      },
    ];
  }).flat();
}

function releases(c: Counts): Seeded[] {
  return Array.from({ length: c.releases }, (_, i) => {
    const namespace = ns(i % c.tenants);
    const name = `scale-hr-${pad(i, 4)}`;
    const { apiVersion, kind, spec } = testRelease(namespace, name);
    return {
      obj: labelled({ apiVersion, kind, metadata: { name, namespace }, spec }),
      status: readyReleaseStatus(namespace, name),
    };
  });
}

/** kwok runs them (annotation kwok.x-k8s.io/node=fake), with the fleet's hardware, renamed. */
function nodes(c: Counts): Seeded[] {
  return Array.from({ length: c.nodes }, (_, i) => {
    const base = fleet[i % fleet.length];
    if (!base) throw new Error('the fleet is empty');
    const s = {
      ...base,
      node: `scale-node-${pad(i, 4)}`,
      ip: `10.250.${Math.floor(i / 250)}.${(i % 250) + 1}`,
      kwok: true,
      controlPlane: false,
    };
    // A node is created with its status (kubelet registers that way); kwok keeps it Ready.
    return { obj: labelled({ ...nodeObject(s), status: nodeStatus(s) }) };
  });
}

/** Every object at a factor, in the order they must be created (namespaces first). */
export function scaleObjects(factor: number): Record<Kind, Seeded[]> {
  const c = scaleCounts(factor);
  return {
    tenants: tenants(c),
    nodes: nodes(c),
    vms: vms(c),
    clusters: clusters(c),
    volumes: volumes(c),
    releases: releases(c),
  };
}
