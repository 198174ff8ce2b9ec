'use server';

import { z } from 'zod';

import { msg } from '../i18n/messages';
import { models, type ModelId } from '../k8s/models';
import { dnsSubdomainName, namespaceName } from '../k8s/names';
import { portalSections } from '../navigation';
import { defineAction } from './define-action';

const deletable = portalSections.map((s) => s.model);

/**
 * Deletes one tenant object as the signed-in user. The namespace comes from the caller, on purpose:
 * the API server's RBAC, not this code, decides whether this person may delete there.
 */
export const deleteResource = defineAction({
  name: 'deleteResource',
  input: z.object({
    model: z.custom<ModelId>((v) => typeof v === 'string' && deletable.some((m) => m === v)),
    namespace: namespaceName,
    name: dnsSubdomainName,
  }),
  needs: deletable.map((model) => ({ verb: 'delete' as const, model })),
  describe: ({ model, name }) => ({
    action: msg('action.delete', { kind: { key: models[model].label, lower: true }, name }),
    kind: models[model].kind,
  }),
  async run({ kube, input: { model, namespace, name } }) {
    await kube.delete(models[model], namespace, name, { propagationPolicy: 'Foreground' });
  },
});
