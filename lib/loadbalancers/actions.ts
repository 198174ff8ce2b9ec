'use server';

import { z } from 'zod';

import { defineAction } from '../actions/define-action';
import { msg } from '../i18n/messages';
import { KubeApiError, Refusal } from '../k8s/errors';
import { namespaceName, dnsLabelName } from '../k8s/names';
import { loadBalancerSchema, portsSchema } from './schema';
import {
  createLoadBalancer as create,
  deleteLoadBalancer as remove,
  loadBalancerPreflight,
  setLoadBalancerPorts,
} from './server';

const lbs = { key: 'nav.loadBalancers', lower: true } as const;
const target = z.object({ namespace: namespaceName, name: dnsLabelName });

/**
 * Creates a load balancer as the signed-in person. What the rules catch is refused before anything
 * is written; what only MetalLB knows (another tenant's address) is refused by MetalLB, and the
 * Service is removed again.
 */
export const createLoadBalancer = defineAction({
  name: 'createLoadBalancer',
  input: z.object({ namespace: namespaceName, lb: loadBalancerSchema }),
  form: 'lb',
  needs: [
    { verb: 'create', model: 'services' },
    { verb: 'delete', model: 'services' },
  ],
  describe: () => ({ action: msg('action.create', { kinds: lbs }), kind: 'Service' }),
  async run({ kube, input: { namespace, lb } }) {
    const refused = await loadBalancerPreflight(kube, namespace, lb);
    if (refused) throw new Refusal(refused);
    const result = await create(kube, namespace, lb).catch((e: unknown) => {
      if (e instanceof KubeApiError && e.status === 409)
        throw new Refusal({
          code: 'alreadyExists',
          status: 409,
          message: msg('loadbalancers.error.nameTaken', { name: lb.name }),
          fields: { name: msg('clusters.error.nameTakenField') },
        });
      throw e;
    });
    return { name: lb.name, ...result };
  },
});

export const editLoadBalancerPorts = defineAction({
  name: 'editLoadBalancerPorts',
  input: target.extend({ ports: portsSchema }),
  form: 'ports',
  needs: [{ verb: 'patch', model: 'services' }],
  describe: ({ name }) => ({
    action: msg('loadbalancers.action.ports', { name }),
    kind: 'Service',
  }),
  async run({ kube, input }) {
    await setLoadBalancerPorts(kube, input.namespace, input.name, input.ports);
  },
});

export const deleteLoadBalancer = defineAction({
  name: 'deleteLoadBalancer',
  input: target
    .extend({ confirm: z.string() })
    .refine((i) => i.confirm === i.name, 'error.typeNameToConfirm'),
  needs: [{ verb: 'delete', model: 'services' }],
  describe: ({ name }) => ({
    action: msg('action.delete', { kind: { key: 'loadbalancers.one', lower: true }, name }),
    kind: 'Service',
  }),
  async run({ kube, input }) {
    await remove(kube, input.namespace, input.name);
  },
});
