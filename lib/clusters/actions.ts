'use server';

import { z } from 'zod';

import { defineAction } from '../actions/define-action';
import { msg } from '../i18n/messages';
import { invalid, Refusal } from '../k8s/errors';
import { dnsLabelName, namespaceName } from '../k8s/names';
import { WriteSetError } from '../k8s/write-set';
import { scaleNodeGroup, upgradeControlPlane, upgradeNodeGroups } from './change';
import { createClusterSchema, nodeGroupSchema } from './schema';
import {
  clusterDeletePreview,
  createClusterObjects,
  deleteClusterObjects,
  preflight,
  supportedVersions,
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
    const refused = await preflight(kube, namespace, cluster);
    if (refused) throw new Refusal(refused);
    await createClusterObjects(kube, namespace, cluster).catch((e: unknown) => {
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
    else await upgradeNodeGroups(kube, input.namespace, input.cluster);
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
  needs: [{ verb: 'delete', model: 'clusters' }],
  describe: ({ cluster }) => ({
    action: msg('action.delete', { kind: { key: 'model.clusters', lower: true }, name: cluster }),
    kind: 'Cluster',
  }),
  run: ({ kube, input }) => deleteClusterObjects(kube, input.namespace, input.cluster),
});
