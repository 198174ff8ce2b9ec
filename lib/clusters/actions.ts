'use server';

import { z } from 'zod';

import { defineAction } from '../actions/define-action';
import { msg } from '../i18n/messages';
import { invalid, Refusal } from '../k8s/errors';
import { dnsLabelName, namespaceName } from '../k8s/names';
import { WriteSetError } from '../k8s/write-set';
import { platformConfig } from '../platform/server';
import { setAddon } from './addon-change';
import { scaleNodeGroup, upgradeControlPlane, upgradeNodeGroups } from './change';
import { createClusterSchema, nodeGroupSchema } from './schema';
import {
  buildContext,
  clusterDeletePreview,
  createClusterObjects,
  deleteClusterObjects,
  preflight,
  supportedVersions,
  tenantOf,
  workerImageFor,
} from './server';

const clusters = { key: 'model.clusters.plural', lower: true } as const;

/** Creates a tenant cluster as the signed-in person; RBAC on the API server decides where. */
export const createCluster = defineAction({
  name: 'createCluster',
  input: z.object({ namespace: namespaceName, cluster: createClusterSchema }),
  form: 'cluster',
  needs: [{ verb: 'create', model: 'clusters' }],
  describe: () => ({ action: msg('action.create', { kinds: clusters }), kind: 'Cluster' }),
  precheck: ({ cluster }) =>
    supportedVersions().includes(cluster.version)
      ? undefined
      : invalid(msg('clusters.error.versionNotOffered', { version: cluster.version }), {
          version: msg('clusters.error.pickOffered'),
        }),
  async run({ kube, input: { namespace, cluster } }) {
    const built = await buildContext(kube, namespace, cluster);
    if (!built.ok) throw new Refusal(built.problem);
    const refused = await preflight(kube, cluster, built.ctx);
    if (refused) throw new Refusal(refused);
    await createClusterObjects(kube, cluster, built.ctx).catch((e: unknown) => {
      // A taken name is the one failure the form can point at.
      if (e instanceof WriteSetError && e.problem.code === 'alreadyExists')
        throw new Refusal({
          code: 'alreadyExists',
          status: 409,
          message: msg('clusters.error.nameTaken', { name: cluster.name }),
          fields: { name: msg('clusters.error.nameTakenField') },
        });
      throw e;
    });
    return { name: cluster.name };
  },
});

// A node group's size obeys the same rules as in the create form.
const { replicas, minReplicas, maxReplicas } = nodeGroupSchema.shape;
const sizeSchema = z.union([
  z.object({ replicas }),
  z
    .object({ min: minReplicas.unwrap(), max: maxReplicas.unwrap() })
    .refine((s) => s.min <= s.max, 'clusters.validation.minMax'),
]);

export const scaleClusterNodeGroup = defineAction({
  name: 'scaleClusterNodeGroup',
  input: z.object({ namespace: namespaceName, machineDeployment: dnsLabelName, size: sizeSchema }),
  form: 'size',
  needs: [{ verb: 'patch', model: 'machinedeployments' }],
  describe: () => ({
    action: msg('action.scale', { kinds: { key: 'model.machinedeployments.plural', lower: true } }),
    kind: 'MachineDeployment',
  }),
  async run({ kube, input }) {
    await scaleNodeGroup(kube, input.namespace, input.machineDeployment, input.size);
  },
});

export const upgradeCluster = defineAction({
  name: 'upgradeCluster',
  input: z.discriminatedUnion('step', [
    z.object({
      step: z.literal('controlPlane'),
      namespace: namespaceName,
      cluster: dnsLabelName,
      version: z.string().min(1).max(32),
    }),
    z.object({ step: z.literal('nodeGroups'), namespace: namespaceName, cluster: dnsLabelName }),
  ]),
  needs: [
    { verb: 'patch', model: 'kamajicontrolplanes' },
    { verb: 'patch', model: 'machinedeployments' },
    { verb: 'create', model: 'kubevirtmachinetemplates' },
  ],
  describe: () => ({ action: msg('action.upgrade', { kinds: clusters }), kind: 'Cluster' }),
  async run({ kube, input }) {
    if (input.step === 'controlPlane')
      await upgradeControlPlane(
        kube,
        input.namespace,
        input.cluster,
        input.version,
        supportedVersions(),
      );
    else await upgradeNodeGroups(kube, input.namespace, input.cluster, workerImageFor);
  },
});

export const previewClusterDelete = defineAction({
  name: 'previewClusterDelete',
  input: z.object({ namespace: namespaceName, cluster: dnsLabelName }),
  needs: [{ verb: 'list', model: 'clusters' }],
  describe: () => ({
    action: msg('action.see', { kinds: clusters }),
    kind: 'Cluster',
  }),
  run: ({ kube, input }) => clusterDeletePreview(kube, input.namespace, input.cluster),
});

export const deleteCluster = defineAction({
  name: 'deleteCluster',
  input: z
    .object({ namespace: namespaceName, cluster: dnsLabelName, confirm: z.string() })
    .refine((i) => i.confirm === i.cluster, 'error.typeNameToConfirm'),
  needs: [
    { verb: 'delete', model: 'clusters' },
    { verb: 'patch', model: 'helmreleases' },
  ],
  describe: ({ cluster }) => ({
    action: msg('action.delete', { kind: { key: 'model.clusters', lower: true }, name: cluster }),
    kind: 'Cluster',
  }),
  run: ({ kube, input }) => deleteClusterObjects(kube, input.namespace, input.cluster),
});

/** Installs or removes one catalog add-on of an existing cluster. */
export const setClusterAddon = defineAction({
  name: 'setClusterAddon',
  input: z.object({
    namespace: namespaceName,
    cluster: dnsLabelName,
    addon: dnsLabelName,
    enabled: z.boolean(),
  }),
  needs: [
    { verb: 'create', model: 'helmreleases' },
    { verb: 'delete', model: 'helmreleases' },
  ],
  describe: ({ addon, enabled }) => ({
    action: msg(enabled ? 'clusters.addons.enableAction' : 'clusters.addons.disableAction', {
      name: addon,
    }),
    kind: 'HelmRelease',
  }),
  async run({ kube, input }) {
    const where = {
      namespace: input.namespace,
      tenant: tenantOf(input.namespace),
      cluster: input.cluster,
    };
    await setAddon(kube, platformConfig(), where, input.addon, input.enabled);
  },
});
