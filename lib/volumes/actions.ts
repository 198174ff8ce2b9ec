'use server';

import { z } from 'zod';

import { defineAction } from '../actions/define-action';
import { msg } from '../i18n/messages';
import { models } from '../k8s/models';
import { dnsLabelName, dnsSubdomainName, namespaceName } from '../k8s/names';
import {
  createVolumeSchema,
  deleteVolumeSchema,
  expandVolumeSchema,
  snapshotVolumeSchema,
} from './schema';
import {
  createVolume as create,
  deleteVolume as remove,
  expandVolume as expand,
  snapshotVolume as snapshot,
  storageOverview as overview,
  volumeHealth as health,
} from './server';

const volumes = { key: 'model.persistentvolumeclaims.plural', lower: true } as const;
const volumeKind = { key: 'model.persistentvolumeclaims', lower: true } as const;

/** Creates a volume: empty, restored from a snapshot or cloned from another volume. */
export const createVolume = defineAction({
  name: 'createVolume',
  input: z.object({ namespace: namespaceName, volume: createVolumeSchema }),
  form: 'volume',
  needs: [{ verb: 'create', model: 'persistentvolumeclaims' }],
  describe: () => ({
    action: msg('action.create', { kinds: volumes }),
    kind: 'PersistentVolumeClaim',
  }),
  async run({ kube, input: { namespace, volume } }) {
    await create(kube, namespace, volume);
    return { name: volume.name };
  },
});

export const expandVolume = defineAction({
  name: 'expandVolume',
  input: expandVolumeSchema,
  needs: [{ verb: 'patch', model: 'persistentvolumeclaims' }],
  describe: ({ name }) => ({
    action: msg('volumes.action.expand', { name }),
    kind: 'PersistentVolumeClaim',
  }),
  async run({ kube, input }) {
    await expand(kube, input.namespace, input.name, input.sizeGi);
    return { sizeGi: input.sizeGi };
  },
});

export const snapshotVolume = defineAction({
  name: 'snapshotVolume',
  input: snapshotVolumeSchema,
  needs: [
    { verb: 'get', model: 'persistentvolumeclaims' },
    { verb: 'create', model: 'volumesnapshots' },
  ],
  describe: ({ name }) => ({
    action: msg('volumes.action.snapshot', { name }),
    kind: 'VolumeSnapshot',
  }),
  async run({ kube, input }) {
    await snapshot(kube, input.namespace, input.name, input.snapshot);
    return { snapshot: input.snapshot };
  },
});

export const deleteVolumeSnapshot = defineAction({
  name: 'deleteVolumeSnapshot',
  input: z.object({ namespace: namespaceName, name: dnsLabelName }),
  needs: [{ verb: 'delete', model: 'volumesnapshots' }],
  describe: ({ name }) => ({
    action: msg('action.delete', { kind: { key: 'model.volumesnapshots', lower: true }, name }),
    kind: 'VolumeSnapshot',
  }),
  async run({ kube, input }) {
    await kube.delete(models.volumesnapshots, input.namespace, input.name);
  },
});

export const deleteVolume = defineAction({
  name: 'deleteVolume',
  input: deleteVolumeSchema
    .extend({ confirm: z.string() })
    .refine((i) => i.confirm === i.name, 'error.typeNameToConfirm'),
  needs: [
    { verb: 'delete', model: 'persistentvolumeclaims' },
    { verb: 'patch', model: 'virtualmachines' },
  ],
  describe: ({ name }) => ({
    action: msg('action.delete', { kind: volumeKind, name }),
    kind: 'PersistentVolumeClaim',
  }),
  async run({ kube, input }) {
    await remove(kube, input.namespace, input.name, input.detach);
  },
});

/** Replica health from LINSTOR for the person's own claims (all, or the named ones). */
export const volumeHealth = defineAction({
  name: 'volumeHealth',
  input: z.object({
    namespace: namespaceName,
    names: z.array(dnsSubdomainName).max(500).optional(),
  }),
  needs: [{ verb: 'list', model: 'persistentvolumeclaims' }],
  describe: () => ({
    action: msg('action.see', { kinds: volumes }),
    kind: 'PersistentVolumeClaim',
  }),
  async run({ kube, input }) {
    return health(kube, input.namespace, input.names);
  },
});

/** The operator's storage view: pools per node and degraded volumes of every tenant. */
export const storageOverview = defineAction({
  name: 'storageOverview',
  input: z.object({}),
  needs: [{ verb: 'list', model: 'persistentvolumeclaims' }],
  describe: () => ({
    action: msg('action.see', { kinds: volumes }),
    kind: 'PersistentVolumeClaim',
  }),
  async run({ kube }) {
    return overview(kube);
  },
});
