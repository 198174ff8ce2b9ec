import 'server-only';

// Volume actions and reads, as the signed-in person (RBAC decides), with the refusals the real
// components would give said before they are hit: shrinking, a class without expansion, a clone
// across classes, deleting a disk a VM still uses. Replica health comes from LINSTOR, read by the
// dashboard for the PVs of claims the person could list themselves — never any other.
import { msg, type Msg } from '../i18n/messages';
import type { KubeClient } from '../k8s/client';
import { kubeAsDashboard } from '../k8s/client';
import { invalid, KubeApiError, Refusal, unlessNotFound } from '../k8s/errors';
import { models } from '../k8s/models';
import { retryOnConflict } from '../k8s/retry';
import type { PersistentVolumeClaimObject } from '../k8s/objects';
import {
  byResource,
  nodeStatus,
  replicaHealth,
  type PoolUsage,
  type ReplicaHealth,
} from '../linstor/health';
import { allResources, linstorNodes, resourcesNamed, storagePools } from '../linstor/server';
import { logError } from '../log';
import { withoutDisk } from '../vms/disk-change';
import { buildSnapshot, buildVolume } from './build';
import { LINSTOR_CSI, placementCountOf, volumeClasses, type VolumeClass } from './classes';
import type { CreateVolumeInput } from './schema';
import { bytesOf, GiB, volumeUsers } from './status';

export async function linstorVolumeClasses(kube: KubeClient): Promise<VolumeClass[]> {
  return volumeClasses((await kube.list(models.storageclasses)).items);
}

const nameTaken = (name: string) =>
  new Refusal({
    code: 'alreadyExists',
    status: 409,
    message: msg('volumes.error.nameTaken', { name }),
    fields: { name: msg('clusters.error.nameTakenField') },
  });

const refuse = (message: Msg, field?: string) =>
  new Refusal(invalid(message, field ? { [field]: message } : undefined));

async function getOrNull<T>(p: Promise<T>): Promise<T | undefined> {
  return p.catch(unlessNotFound);
}

/** Checks what the schema can't (the class, the source), then creates the claim. */
export async function createVolume(
  kube: KubeClient,
  namespace: string,
  v: CreateVolumeInput,
): Promise<void> {
  const classes = await linstorVolumeClasses(kube);
  const cls = classes.find((c) => c.name === v.storageClass);
  if (!cls)
    throw refuse(msg('volumes.error.unknownClass', { name: v.storageClass }), 'storageClass');
  const want = v.sizeGi * GiB;
  if (v.sourceKind === 'snapshot') {
    const snap = await getOrNull(kube.get(models.volumesnapshots, namespace, v.sourceName));
    if (!snap) throw refuse(msg('volumes.error.noSnapshot', { name: v.sourceName }), 'sourceName');
    if (!snap.status?.readyToUse)
      throw refuse(msg('volumes.error.snapshotNotReady', { name: v.sourceName }), 'sourceName');
    const min = Math.ceil(bytesOf(snap.status.restoreSize) / GiB);
    if (want < bytesOf(snap.status.restoreSize))
      throw refuse(msg('volumes.error.smallerThanSource', { min }), 'sizeGi');
  }
  if (v.sourceKind === 'volume') {
    const src = await getOrNull(kube.get(models.persistentvolumeclaims, namespace, v.sourceName));
    if (!src) throw refuse(msg('volumes.error.noVolume', { name: v.sourceName }), 'sourceName');
    if (src.status?.phase !== 'Bound')
      throw refuse(msg('volumes.error.sourceNotBound', { name: v.sourceName }), 'sourceName');
    // CSI clones stay within one class (and so one driver and pool).
    if (src.spec?.storageClassName !== v.storageClass)
      throw refuse(
        msg('volumes.error.cloneClass', { cls: src.spec?.storageClassName ?? '' }),
        'storageClass',
      );
    const size = src.status.capacity?.storage ?? src.spec.resources?.requests?.storage;
    if (want < bytesOf(size))
      throw refuse(
        msg('volumes.error.smallerThanSource', { min: Math.ceil(bytesOf(size) / GiB) }),
        'sizeGi',
      );
  }
  await kube
    .create(models.persistentvolumeclaims, buildVolume(namespace, v))
    .catch((e: unknown) => {
      if (e instanceof KubeApiError && e.status === 409) throw nameTaken(v.name);
      throw e;
    });
}

/** Grows a claim; never shrinks, and only on a class that allows expansion. */
export async function expandVolume(
  kube: KubeClient,
  namespace: string,
  name: string,
  sizeGi: number,
): Promise<void> {
  const pvc = await kube.get(models.persistentvolumeclaims, namespace, name);
  const cls = pvc.spec?.storageClassName
    ? await getOrNull(kube.get(models.storageclasses, undefined, pvc.spec.storageClassName))
    : undefined;
  if (!cls?.allowVolumeExpansion)
    throw refuse(
      msg('volumes.error.notExpandable', { cls: pvc.spec?.storageClassName ?? '—' }),
      'sizeGi',
    );
  const current = Math.max(
    bytesOf(pvc.status?.capacity?.storage),
    bytesOf(pvc.spec?.resources?.requests?.storage),
  );
  const currentGi = Math.ceil(current / GiB);
  if (sizeGi * GiB < current)
    throw refuse(msg('volumes.error.shrink', { current: currentGi }), 'sizeGi');
  if (sizeGi * GiB === current)
    throw refuse(msg('volumes.error.sameSize', { current: currentGi }), 'sizeGi');
  if (pvc.status?.phase !== 'Bound')
    throw refuse(msg('volumes.error.notBound', { name }), 'sizeGi');
  await kube.patch(models.persistentvolumeclaims, namespace, name, {
    metadata: { resourceVersion: pvc.metadata?.resourceVersion },
    spec: { resources: { requests: { storage: `${sizeGi}Gi` } } },
  });
}

/** A VolumeSnapshot with the snapshot class of the claim's driver (the default one first). */
export async function snapshotVolume(
  kube: KubeClient,
  namespace: string,
  name: string,
  snapshot: string,
): Promise<void> {
  const pvc = await kube.get(models.persistentvolumeclaims, namespace, name);
  if (pvc.status?.phase !== 'Bound') throw refuse(msg('volumes.error.notBound', { name }));
  const sc = pvc.spec?.storageClassName
    ? await getOrNull(kube.get(models.storageclasses, undefined, pvc.spec.storageClassName))
    : undefined;
  const driver = sc?.provisioner ?? LINSTOR_CSI;
  const classes = (await kube.list(models.volumesnapshotclasses)).items
    .filter((c) => c.driver === driver)
    .sort(
      (a, b) =>
        Number(
          b.metadata?.annotations?.['snapshot.storage.kubernetes.io/is-default-class'] === 'true',
        ) -
        Number(
          a.metadata?.annotations?.['snapshot.storage.kubernetes.io/is-default-class'] === 'true',
        ),
    );
  const cls = classes[0]?.metadata?.name;
  if (!cls) throw refuse(msg('volumes.error.noSnapshotClass', { driver }));
  await kube
    .create(models.volumesnapshots, buildSnapshot(namespace, name, snapshot, cls))
    .catch((e: unknown) => {
      if (e instanceof KubeApiError && e.status === 409)
        throw refuse(msg('volumes.error.snapshotTaken', { name: snapshot }));
      throw e;
    });
}

/** Which of the tenant's VMs use a claim (delete asks before detaching it from them). */
export async function volumeUsersOf(kube: KubeClient, namespace: string, name: string) {
  const vms = (await kube.list(models.virtualmachines, { namespace })).items;
  return { vms, users: volumeUsers(vms).get(name) ?? [] };
}

/** Takes the claim out of one VM; controllers write the VM's status, so a conflict reads again. */
async function detachFrom(kube: KubeClient, namespace: string, vmName: string, claim: string) {
  const change = await retryOnConflict(async () => {
    const vm = await kube.get(models.virtualmachines, namespace, vmName);
    const entry = vm.spec?.template?.spec?.volumes?.find(
      (v) => (v.persistentVolumeClaim?.claimName ?? v.dataVolume?.name) === claim,
    );
    if (!entry) return undefined;
    const change = withoutDisk(vm, entry.name);
    if (!change.ok) throw refuse(msg('volumes.error.rootDisk', { vm: vmName }));
    await kube.patch(models.virtualmachines, namespace, vmName, change.patch);
    return change;
  });
  if (change?.dataVolume)
    await kube.delete(models.datavolumes, namespace, change.dataVolume).catch(unlessNotFound);
}

/**
 * Deletes a claim. While VMs use it, refuses unless the person confirmed detaching; then it is
 * taken out of each VM first (never the root disk: that would leave the VM unbootable).
 */
export async function deleteVolume(
  kube: KubeClient,
  namespace: string,
  name: string,
  detach: boolean,
): Promise<void> {
  const { users } = await volumeUsersOf(kube, namespace, name);
  if (users.length && !detach) throw refuse(msg('volumes.error.inUse', { vms: users.join(', ') }));
  for (const vmName of users) await detachFrom(kube, namespace, vmName, name);
  await kube.delete(models.persistentvolumeclaims, namespace, name).catch(unlessNotFound);
}

// ---- Replica health ----

export interface NodeHealth {
  name: string;
  /** LINSTOR's connection status (ONLINE, OFFLINE, …); undefined when LINSTOR did not answer. */
  linstor?: string;
  /** Kubernetes' Ready condition: True, False or Unknown. */
  ready?: string;
  /** kube-fencing's state (pending, started, fenced) when set. */
  fencing?: string;
  /** The non-graceful-shutdown taint is on. */
  outOfService: boolean;
}

export type VolumeHealth =
  | {
      ok: true;
      /** claim name → health of its LINSTOR resource. */
      volumes: Record<string, ReplicaHealth>;
      nodes: NodeHealth[];
    }
  | { ok: false; reason: Msg; nodes: NodeHealth[] };

type NodeObj = { metadata?: { name?: string; annotations?: Record<string, string> } } & {
  spec?: { taints?: { key?: string }[] };
  status?: { conditions?: { type?: string; status?: string }[] };
};

/** Node health facts (not the Nodes themselves), read as the dashboard for nodes holding replicas. */
async function nodeFacts(names: Set<string>, linstor: Record<string, string> | undefined) {
  let items: NodeObj[] = [];
  if (names.size)
    try {
      items = (await kubeAsDashboard().list(models.nodes)).items;
    } catch (e) {
      logError('node health for volumes unreadable', e);
    }
  return [...names].sort().map((name): NodeHealth => {
    const n = items.find((x) => x.metadata?.name === name);
    const fencing = n?.metadata?.annotations?.['fencing/state'];
    const ready = n?.status?.conditions?.find((c) => c.type === 'Ready')?.status;
    return {
      name,
      ...(linstor?.[name] ? { linstor: linstor[name] } : {}),
      ...(ready ? { ready } : {}),
      ...(fencing ? { fencing } : {}),
      outOfService:
        n?.spec?.taints?.some((t) => t.key === 'node.kubernetes.io/out-of-service') ?? false,
    };
  });
}

/**
 * Replica health of a tenant's claims (all, or the named ones): the claims are listed as the
 * person, so LINSTOR is only asked about PVs the person may already see the claims of.
 */
export async function volumeHealth(
  kube: KubeClient,
  namespace: string,
  names?: string[],
): Promise<VolumeHealth> {
  const [pvcs, classes] = await Promise.all([
    kube.list(models.persistentvolumeclaims, { namespace }),
    kube.list(models.storageclasses),
  ]);
  const expected = new Map(
    classes.items.map((c) => [c.metadata?.name ?? '', placementCountOf(c.parameters)]),
  );
  const claims = pvcs.items.filter(
    (p): p is PersistentVolumeClaimObject & { spec: { volumeName: string } } =>
      !!p.spec?.volumeName && (!names || names.includes(p.metadata?.name ?? '')),
  );
  const [res, lnodes] = await Promise.all([
    resourcesNamed(claims.map((c) => c.spec.volumeName)),
    claims.length ? linstorNodes() : Promise.resolve({ ok: true as const, value: [] }),
  ]);
  const status = lnodes.ok ? nodeStatus(lnodes.value) : undefined;
  if (!res.ok) return { ok: false, reason: res.reason, nodes: [] };
  const grouped = byResource(res.value);
  const volumes: Record<string, ReplicaHealth> = {};
  const holding = new Set<string>();
  for (const c of claims) {
    const rows = grouped.get(c.spec.volumeName) ?? [];
    for (const r of rows) holding.add(r.node_name);
    volumes[c.metadata?.name ?? ''] = replicaHealth(
      c.spec.volumeName,
      rows,
      expected.get(c.spec.storageClassName ?? '') ?? 1,
    );
  }
  return { ok: true, volumes, nodes: await nodeFacts(holding, status) };
}

// ---- The operator's storage view ----

export interface DegradedVolume {
  namespace: string;
  claim: string;
  health: ReplicaHealth;
}

export type StorageOverview =
  | {
      ok: true;
      pools: PoolUsage[];
      nodes: Record<string, string>;
      degraded: DegradedVolume[];
    }
  | { ok: false; reason: Msg };

/**
 * Pools per node and the degraded volumes of every tenant. The claims are listed as the person
 * (only operators may list them cluster-wide), so nobody else learns of other tenants' volumes.
 */
export async function storageOverview(kube: KubeClient): Promise<StorageOverview> {
  const [pvcs, classes] = await Promise.all([
    kube.list(models.persistentvolumeclaims),
    kube.list(models.storageclasses),
  ]);
  const [pools, res, lnodes] = await Promise.all([storagePools(), allResources(), linstorNodes()]);
  if (!pools.ok) return pools;
  if (!res.ok) return res;
  const expected = new Map(
    classes.items.map((c) => [c.metadata?.name ?? '', placementCountOf(c.parameters)]),
  );
  const grouped = byResource(res.value);
  const degraded: DegradedVolume[] = [];
  for (const c of pvcs.items) {
    const pv = c.spec?.volumeName;
    if (!pv || !grouped.has(pv)) continue;
    const health = replicaHealth(
      pv,
      grouped.get(pv) ?? [],
      expected.get(c.spec?.storageClassName ?? '') ?? 1,
    );
    if (health.degraded || health.sameNode)
      degraded.push({
        namespace: c.metadata?.namespace ?? '',
        claim: c.metadata?.name ?? '',
        health,
      });
  }
  degraded.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.claim.localeCompare(b.claim));
  return {
    ok: true,
    pools: pools.value,
    nodes: lnodes.ok ? nodeStatus(lnodes.value) : {},
    degraded,
  };
}
