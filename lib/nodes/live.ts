// The lists node pages keep live, keyed once for server prefetch and client hooks. Pure.
import { eventsAbout } from '../k8s/events';
import type { Subscription } from '../live/protocol';

/** kubevirt's label on a VMI naming its node (virt-controller sets it with status.nodeName). */
export const VMI_NODE_LABEL = 'kubevirt.io/nodeName';

export function nodeLists() {
  return {
    nodes: { model: 'nodes', view: 'rows' } satisfies Subscription<'nodes'>,
    healthChecks: { model: 'nodehealthchecks' } satisfies Subscription<'nodehealthchecks'>,
    fars: { model: 'fenceagentsremediations' } satisfies Subscription<'fenceagentsremediations'>,
    snrs: { model: 'selfnoderemediations' } satisfies Subscription<'selfnoderemediations'>,
  };
}

export function nodeDetailLists(name: string) {
  const { healthChecks, fars, snrs } = nodeLists();
  return {
    node: {
      model: 'nodes',
      fieldSelector: `metadata.name=${name}`,
    } satisfies Subscription<'nodes'>,
    healthChecks,
    fars,
    snrs,
    vmis: {
      model: 'virtualmachineinstances',
      labelSelector: `${VMI_NODE_LABEL}=${name}`,
      view: 'rows',
    } satisfies Subscription<'virtualmachineinstances'>,
    machines: { model: 'machines' } satisfies Subscription<'machines'>,
    pods: { model: 'pods', fieldSelector: `spec.nodeName=${name}` } satisfies Subscription<'pods'>,
    // Events about cluster-scoped objects live in "default".
    events: eventsAbout('default', 'Node', name),
  };
}
