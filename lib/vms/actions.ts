'use server';

import { z } from 'zod';

import { defineAction } from '../actions/define-action';
import { msg } from '../i18n/messages';
import { Refusal } from '../k8s/errors';
import { dnsLabelName, namespaceName } from '../k8s/names';
import { WriteSetError } from '../k8s/write-set';
import { VIRT_API } from './subresources';
import { createVmSchema, dataDiskSchema } from './schema';
import {
  addVmDisk as addDisk,
  removeVmDisk as removeDisk,
  createVmObjects,
  deleteVm as deleteVmObjects,
  migrateVm as requestMigration,
  powerVm as power,
  restoreVm as restore,
  snapshotVm as snapshot,
  vmDeletePreview,
  vmPreflight,
} from './server';
import { models } from '../k8s/models';

const vms = { key: 'model.virtualmachines.plural', lower: true } as const;
const target = z.object({ namespace: namespaceName, name: dnsLabelName });

/** Creates a VM (and its SSH address) as the signed-in person: all of it, or nothing. */
export const createVm = defineAction({
  name: 'createVm',
  input: z.object({ namespace: namespaceName, vm: createVmSchema }),
  form: 'vm',
  needs: [{ verb: 'create', model: 'virtualmachines' }],
  describe: () => ({ action: msg('action.create', { kinds: vms }), kind: 'VirtualMachine' }),
  async run({ kube, input: { namespace, vm } }) {
    const refused = await vmPreflight(kube, namespace, vm);
    if (refused) throw new Refusal(refused);
    await createVmObjects(kube, namespace, vm).catch((e: unknown) => {
      if (e instanceof WriteSetError && e.problem.code === 'alreadyExists')
        throw new Refusal({
          code: 'alreadyExists',
          status: 409,
          message: msg('vms.error.nameTaken', { name: vm.name }),
          fields: { name: msg('clusters.error.nameTakenField') },
        });
      throw e;
    });
    return { name: vm.name };
  },
});

export const powerVm = defineAction({
  name: 'powerVm',
  input: target.extend({
    op: z.enum(['start', 'stop', 'forceStop', 'restart', 'pause', 'unpause']),
  }),
  needs: [
    { verb: 'update', model: 'virtualmachines', subresource: 'start', group: VIRT_API },
    { verb: 'update', model: 'virtualmachines', subresource: 'stop', group: VIRT_API },
    { verb: 'update', model: 'virtualmachines', subresource: 'restart', group: VIRT_API },
    { verb: 'update', model: 'virtualmachineinstances', subresource: 'pause', group: VIRT_API },
    { verb: 'update', model: 'virtualmachineinstances', subresource: 'unpause', group: VIRT_API },
  ],
  describe: ({ op, name }) => ({
    action: msg(`vms.action.${op}`, { name }),
    kind: 'VirtualMachine',
  }),
  async run({ kube, input }) {
    return power(kube, input.namespace, input.name, input.op);
  },
});

export const migrateVm = defineAction({
  name: 'migrateVm',
  input: target,
  needs: [{ verb: 'update', model: 'virtualmachines', subresource: 'migrate', group: VIRT_API }],
  describe: ({ name }) => ({ action: msg('vms.action.migrate', { name }), kind: 'VirtualMachine' }),
  async run({ kube, input }) {
    await requestMigration(kube, input.namespace, input.name);
  },
});

export const cancelVmMigration = defineAction({
  name: 'cancelVmMigration',
  input: z.object({ namespace: namespaceName, migration: dnsLabelName }),
  needs: [{ verb: 'delete', model: 'virtualmachineinstancemigrations' }],
  describe: () => ({
    action: msg('vms.action.cancelMigration'),
    kind: 'VirtualMachineInstanceMigration',
  }),
  async run({ kube, input }) {
    await kube.delete(models.virtualmachineinstancemigrations, input.namespace, input.migration);
  },
});

export const snapshotVm = defineAction({
  name: 'snapshotVm',
  input: target.extend({ snapshot: dnsLabelName }),
  needs: [{ verb: 'create', model: 'virtualmachinesnapshots' }],
  describe: ({ name }) => ({
    action: msg('vms.action.snapshot', { name }),
    kind: 'VirtualMachineSnapshot',
  }),
  async run({ kube, input }) {
    await snapshot(kube, input.namespace, input.name, input.snapshot);
  },
});

export const restoreVm = defineAction({
  name: 'restoreVm',
  input: target.extend({ snapshot: dnsLabelName }),
  needs: [{ verb: 'create', model: 'virtualmachinerestores' }],
  describe: ({ name }) => ({
    action: msg('vms.action.restore', { name }),
    kind: 'VirtualMachineRestore',
  }),
  async run({ kube, input }) {
    return { restore: await restore(kube, input.namespace, input.name, input.snapshot) };
  },
});

export const previewVmDelete = defineAction({
  name: 'previewVmDelete',
  input: target,
  needs: [{ verb: 'get', model: 'virtualmachines' }],
  describe: () => ({ action: msg('action.see', { kinds: vms }), kind: 'VirtualMachine' }),
  async run({ kube, input }) {
    return vmDeletePreview(kube, input.namespace, input.name);
  },
});

export const deleteVm = defineAction({
  name: 'deleteVm',
  input: target
    .extend({ keepDisks: z.boolean().default(false), confirm: z.string() })
    .refine((i) => i.confirm === i.name, 'error.typeNameToConfirm'),
  needs: [
    { verb: 'delete', model: 'virtualmachines' },
    { verb: 'patch', model: 'datavolumes' },
  ],
  describe: ({ name }) => ({
    action: msg('action.delete', { kind: { key: 'model.virtualmachines', lower: true }, name }),
    kind: 'VirtualMachine',
  }),
  async run({ kube, input }) {
    await deleteVmObjects(kube, input.namespace, input.name, input.keepDisks);
  },
});

export const addVmDisk = defineAction({
  name: 'addVmDisk',
  input: target.extend({ disk: dataDiskSchema }),
  form: 'disk',
  needs: [{ verb: 'patch', model: 'virtualmachines' }],
  describe: ({ name }) => ({ action: msg('vms.action.addDisk', { name }), kind: 'VirtualMachine' }),
  async run({ kube, input }) {
    await addDisk(kube, input.namespace, input.name, input.disk);
  },
});

export const removeVmDisk = defineAction({
  name: 'removeVmDisk',
  input: target.extend({ volume: dnsLabelName }),
  needs: [
    { verb: 'patch', model: 'virtualmachines' },
    { verb: 'delete', model: 'datavolumes' },
  ],
  describe: ({ name }) => ({
    action: msg('vms.action.removeDisk', { name }),
    kind: 'VirtualMachine',
  }),
  async run({ kube, input }) {
    await removeDisk(kube, input.namespace, input.name, input.volume);
  },
});
