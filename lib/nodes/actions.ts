'use server';

import { z } from 'zod';

import { defineAction } from '../actions/define-action';
import { msg } from '../i18n/messages';
import { dnsLabelName, dnsSubdomainName, namespaceName } from '../k8s/names';
import {
  cordonNode as cordon,
  drainNode as drain,
  fenceNode as fence,
  nodeReplicas as replicas,
  pauseHealthCheck as pause,
} from './server';

const node = z.object({ name: dnsSubdomainName });

/** Cordon (unschedulable) or uncordon a node, as the operator. */
export const cordonNode = defineAction({
  name: 'cordonNode',
  input: node.extend({ cordon: z.boolean() }),
  needs: [{ verb: 'patch', model: 'nodes' }],
  describe: ({ name }) => ({ action: msg('action.cordonNode', { name }), kind: 'Node' }),
  async run({ kube, viewer, input }) {
    await cordon(kube, input.name, input.cordon, viewer.email);
  },
});

/** Cordon, then evict every pod through the Eviction API; PodDisruptionBudget refusals come back. */
export const drainNode = defineAction({
  name: 'drainNode',
  input: node,
  needs: [
    { verb: 'patch', model: 'nodes' },
    { verb: 'create', model: 'pods', subresource: 'eviction' },
  ],
  describe: ({ name }) => ({ action: msg('action.drainNode', { name }), kind: 'Node' }),
  async run({ kube, viewer, input }) {
    return drain(kube, input.name, viewer.email);
  },
});

/** A FenceAgentsRemediation for the node from a template. */
export const fenceNode = defineAction({
  name: 'fenceNode',
  input: node.extend({
    template: z.object({ namespace: namespaceName, name: dnsSubdomainName }),
  }),
  needs: [
    { verb: 'create', model: 'fenceagentsremediations' },
    { verb: 'get', model: 'fenceagentsremediationtemplates' },
  ],
  describe: ({ name }) => ({
    action: msg('action.fenceNode', { name }),
    kind: 'FenceAgentsRemediation',
  }),
  async run({ kube, viewer, input }) {
    await fence(kube, input.name, input.template, viewer.email);
  },
});

/** Pause (add a pause request) or resume (clear them) a NodeHealthCheck. */
export const pauseHealthCheck = defineAction({
  name: 'pauseHealthCheck',
  input: z.object({ name: dnsLabelName.or(dnsSubdomainName), pause: z.boolean() }),
  needs: [{ verb: 'patch', model: 'nodehealthchecks' }],
  describe: ({ name }) => ({
    action: msg('action.pauseHealthCheck', { name }),
    kind: 'NodeHealthCheck',
  }),
  async run({ kube, viewer, input }) {
    await pause(kube, input.name, input.pause, viewer.email);
  },
});

/** The LINSTOR replicas on a node and whose claims they are (operators: the node is read first). */
export const nodeReplicas = defineAction({
  name: 'nodeReplicas',
  input: node,
  needs: [{ verb: 'get', model: 'nodes' }],
  describe: () => ({
    action: msg('action.see', { kinds: { key: 'model.nodes.plural', lower: true } }),
    kind: 'Node',
  }),
  async run({ kube, input }) {
    return replicas(kube, input.name);
  },
});
