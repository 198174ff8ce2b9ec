import 'server-only';

import { joinMsgs, msg } from '../i18n/messages';
import type { KubeClient } from '../k8s/client';
import { invalid, KubeApiError, Refusal, unlessNotFound, type Problem } from '../k8s/errors';
import { models } from '../k8s/models';
import { retryOnConflict } from '../k8s/retry';
import { createSet, type ObjectRef } from '../k8s/write-set';
import { instancetypeSizes, type InstancetypeSizes } from '../clusters/sizes';
import { platformConfig } from '../platform/server';
import type { BootSource } from '../platform/config';
import { virtApiRefusal } from './errors';
import { VIRT_API } from './subresources';
import { VM_LABEL } from './labels';
import { buildVm, sshServiceName, type VmBuildContext } from './build';
import { vmQuotaShortfall, vmSize } from './quota';
import { withDisk, withoutDisk } from './disk-change';
import { catalogProblems, type CreateVmInput, type DataDiskInput } from './schema';
import { ownedDisks } from './status';

const GROUP = `/apis/${VIRT_API}/v1`;

export const bootSources = (): BootSource[] => platformConfig().virtualMachines.bootSources;

export function vmBuildContext(namespace: string): VmBuildContext {
  return { namespace, vms: platformConfig().virtualMachines };
}

// Whether virt-api's subresource API is served: asked once a minute, not on every click.
let subresources: { at: number; served: boolean } | undefined;
export async function subresourceApiServed(kube: KubeClient): Promise<boolean> {
  if (subresources && Date.now() - subresources.at < 60_000) return subresources.served;
  let served = true;
  try {
    await kube.request('GET', GROUP);
  } catch (e) {
    if (!(e instanceof KubeApiError && (e.status === 404 || e.status === 503))) throw e;
    served = false;
  }
  subresources = { at: Date.now(), served };
  return served;
}

const subresourcePath = (
  ns: string,
  kind: 'virtualmachines' | 'virtualmachineinstances',
  name: string,
  verb: string,
) => `${GROUP}/namespaces/${encodeURIComponent(ns)}/${kind}/${encodeURIComponent(name)}/${verb}`;

export type PowerOp = 'start' | 'stop' | 'forceStop' | 'restart' | 'pause' | 'unpause';

/**
 * Powers a VM through virt-api, as the person, so RBAC on the subresource decides. Where a cluster
 * lacks the subresource API, start/stop/restart fall back to what virt-api itself would write.
 */
export async function powerVm(
  kube: KubeClient,
  ns: string,
  name: string,
  op: PowerOp,
): Promise<{ fallback: boolean }> {
  if (await subresourceApiServed(kube)) {
    const onInstance = op === 'pause' || op === 'unpause';
    const verb = op === 'forceStop' ? 'stop' : op;
    const body = op === 'forceStop' ? { gracePeriod: 0 } : {};
    await kube
      .request(
        'PUT',
        subresourcePath(ns, onInstance ? 'virtualmachineinstances' : 'virtualmachines', name, verb),
        { body },
      )
      .catch(virtApiRefusal);
    return { fallback: false };
  }
  switch (op) {
    case 'start':
      await kube.patch(models.virtualmachines, ns, name, { spec: { runStrategy: 'Always' } });
      break;
    case 'stop':
    case 'forceStop':
      await kube.patch(models.virtualmachines, ns, name, { spec: { runStrategy: 'Halted' } });
      break;
    case 'restart':
      await kube.delete(models.virtualmachineinstances, ns, name);
      break;
    default:
      throw new Refusal({
        code: 'conflict',
        status: 409,
        message: msg('vms.error.noSubresourceApi'),
      });
  }
  return { fallback: true };
}

/** Asks virt-api to live-migrate the VM's instance; it creates the migration object. */
export async function migrateVm(kube: KubeClient, ns: string, name: string): Promise<void> {
  if (await subresourceApiServed(kube)) {
    await kube
      .request('PUT', subresourcePath(ns, 'virtualmachines', name, 'migrate'), { body: {} })
      .catch(virtApiRefusal);
    return;
  }
  await kube.create(models.virtualmachineinstancemigrations, {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstanceMigration',
    metadata: { generateName: `${name}-migration-`, namespace: ns },
    spec: { vmiName: name },
  });
}

/** Instance types and preferences named in the form that the cluster does not have. */
function unknownSizes(
  input: CreateVmInput,
  sizes: InstancetypeSizes,
  preferences: string[] | undefined,
): Problem | undefined {
  if (input.instancetype && !vmSize(input, sizes))
    return invalid(msg('vms.error.unknownInstancetype', { name: input.instancetype }), {
      instancetype: msg('clusters.error.pickListed'),
    });
  if (preferences && !preferences.includes(input.preference))
    return invalid(msg('vms.error.unknownPreference', { name: input.preference }), {
      preference: msg('clusters.error.pickListed'),
    });
  return undefined;
}

/** What the cluster would refuse, found before anything is written. */
export async function vmPreflight(
  kube: KubeClient,
  ns: string,
  input: CreateVmInput,
): Promise<Problem | undefined> {
  const fromCatalog = Object.entries(catalogProblems(input, bootSources()));
  const [first] = fromCatalog;
  if (first) {
    const source = bootSources().find((b) => b.id === input.bootSource);
    const say = (key: (typeof first)[1]) =>
      msg(key, { min: source?.minDiskGi ?? 0, name: input.bootSource });
    return invalid(say(first[1]), Object.fromEntries(fromCatalog.map(([k, v]) => [k, say(v)])));
  }
  // Independent lookups, at once; the answers are checked in the order a person would fix them.
  const [classes, quotas, types, prefs] = await Promise.all([
    kube.list(models.storageclasses),
    kube.list(models.resourcequotas, { namespace: ns }),
    input.instancetype ? kube.list(models.virtualmachineclusterinstancetypes) : undefined,
    input.preference ? kube.list(models.virtualmachineclusterpreferences) : undefined,
  ]);
  const sizes = instancetypeSizes(types?.items ?? []);
  const names = new Set(classes.items.map((c) => c.metadata?.name));
  const disks = [
    { field: 'storageClass', name: input.storageClass },
    ...input.dataDisks.map((d, i) => ({
      field: `dataDisks.${i}.storageClass`,
      name: d.storageClass,
    })),
  ];
  const missing = disks.find((d) => !names.has(d.name));
  if (missing)
    return invalid(msg('clusters.error.noStorageClass', { name: missing.name }), {
      [missing.field]: msg('clusters.error.noStorageClassField'),
    });
  const unknown = unknownSizes(
    input,
    sizes,
    prefs?.items.map((p) => p.metadata?.name ?? ''),
  );
  if (unknown) return unknown;
  const short = vmQuotaShortfall(quotas.items, input, sizes);
  if (short.length)
    return {
      code: 'quotaExceeded',
      status: 403,
      message: msg('vms.error.quota', { details: joinMsgs(short) }),
    };
  return undefined;
}

export async function createVmObjects(kube: KubeClient, ns: string, input: CreateVmInput) {
  const source = bootSources().find((b) => b.id === input.bootSource);
  const { vm, service } = buildVm(input, vmBuildContext(ns), source);
  await createSet(kube, service ? [vm, service] : [vm]);
}

/** What deleting a VM removes: the VM, its disks (volumes and their data) and its SSH address. */
export async function vmDeletePreview(
  kube: KubeClient,
  ns: string,
  name: string,
): Promise<ObjectRef[]> {
  const [vm, services] = await Promise.all([
    kube.get(models.virtualmachines, ns, name),
    kube.list(models.services, { namespace: ns, labelSelector: `${VM_LABEL}=${name}` }),
  ]);
  return [
    { kind: 'VirtualMachine', namespace: ns, name },
    ...ownedDisks(vm).map((d) => ({ kind: 'DataVolume', namespace: ns, name: d })),
    ...services.items.map((s) => ({
      kind: 'Service',
      namespace: ns,
      name: s.metadata?.name ?? '',
    })),
  ];
}

/**
 * Deletes the VM; its template disks go with it (owner references) unless `keepDisks`, in which
 * case they are released first and stay as volumes of the tenant.
 */
export async function deleteVm(
  kube: KubeClient,
  ns: string,
  name: string,
  keepDisks: boolean,
): Promise<void> {
  const vm = await kube.get(models.virtualmachines, ns, name);
  if (keepDisks)
    await Promise.all(
      ownedDisks(vm).map((dv) =>
        kube
          .patch(models.datavolumes, ns, dv, { metadata: { ownerReferences: null } })
          .catch(unlessNotFound),
      ),
    );
  await kube.delete(models.virtualmachines, ns, name, {
    propagationPolicy: 'Foreground',
    uid: vm.metadata?.uid,
  });
  await kube.delete(models.services, ns, sshServiceName(name)).catch(unlessNotFound);
}

/** A restore rewrites the VM's disks, so KubeVirt wants it stopped first. */
export async function restoreVm(
  kube: KubeClient,
  ns: string,
  name: string,
  snapshot: string,
): Promise<string> {
  const vmi = await kube.get(models.virtualmachineinstances, ns, name).catch(unlessNotFound);
  if (vmi)
    throw new Refusal({ code: 'conflict', status: 409, message: msg('vms.error.stopToRestore') });
  const created = await kube.create(models.virtualmachinerestores, {
    apiVersion: 'snapshot.kubevirt.io/v1beta1',
    kind: 'VirtualMachineRestore',
    metadata: { generateName: `${name}-restore-`, namespace: ns, labels: { [VM_LABEL]: name } },
    spec: {
      target: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name },
      virtualMachineSnapshotName: snapshot,
    },
  });
  return created.metadata?.name ?? '';
}

export async function snapshotVm(kube: KubeClient, ns: string, name: string, snapshot: string) {
  await kube.create(models.virtualmachinesnapshots, {
    apiVersion: 'snapshot.kubevirt.io/v1beta1',
    kind: 'VirtualMachineSnapshot',
    metadata: { name: snapshot, namespace: ns, labels: { [VM_LABEL]: name } },
    spec: { source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name } },
  });
}

const diskProblem = {
  nameTaken: 'vms.error.diskNameTaken',
  root: 'vms.error.rootDiskStays',
  unknown: 'vms.error.noSuchDisk',
} as const;

/** Adds a blank data disk; a running VM sees it after its next restart (KubeVirt: RestartRequired). */
export async function addVmDisk(
  kube: KubeClient,
  ns: string,
  name: string,
  disk: DataDiskInput,
): Promise<void> {
  const classes = await kube.list(models.storageclasses);
  if (!classes.items.some((c) => c.metadata?.name === disk.storageClass))
    throw new Refusal(
      invalid(msg('clusters.error.noStorageClass', { name: disk.storageClass }), {
        storageClass: msg('clusters.error.noStorageClassField'),
      }),
    );
  // Controllers write the VM's status meanwhile: a conflict reads the VM again.
  await retryOnConflict(async () => {
    const vm = await kube.get(models.virtualmachines, ns, name);
    const change = withDisk(vm, disk, vmBuildContext(ns));
    if (!change.ok)
      throw new Refusal(
        invalid(msg(diskProblem[change.problem]), { name: msg(diskProblem[change.problem]) }),
      );
    await kube.patch(models.virtualmachines, ns, name, change.patch);
  });
}

/** Removes a data disk from the VM and deletes its volume (the data goes). */
export async function removeVmDisk(
  kube: KubeClient,
  ns: string,
  name: string,
  volume: string,
): Promise<void> {
  const change = await retryOnConflict(async () => {
    const vm = await kube.get(models.virtualmachines, ns, name);
    const change = withoutDisk(vm, volume);
    if (!change.ok) throw new Refusal(invalid(msg(diskProblem[change.problem])));
    await kube.patch(models.virtualmachines, ns, name, change.patch);
    return change;
  });
  if (change.dataVolume)
    await kube.delete(models.datavolumes, ns, change.dataVolume).catch(unlessNotFound);
}
