// The lists VM pages keep live, keyed once for server prefetch and client hooks. Pure.
import { eventsAbout } from '../k8s/events';
import type { Subscription } from '../live/protocol';
import { VM_LABEL } from './labels';

/** A tenant's VMs, or every tenant's (namespace undefined: the operator's list), as rows. */
export function vmLists(namespace: string | undefined) {
  return {
    vms: {
      model: 'virtualmachines',
      namespace,
      view: 'rows',
    } satisfies Subscription<'virtualmachines'>,
    instances: {
      model: 'virtualmachineinstances',
      namespace,
      view: 'rows',
    } satisfies Subscription<'virtualmachineinstances'>,
    disks: { model: 'datavolumes', namespace, view: 'rows' } satisfies Subscription<'datavolumes'>,
    migrations: {
      model: 'virtualmachineinstancemigrations',
      namespace,
      view: 'rows',
    } satisfies Subscription<'virtualmachineinstancemigrations'>,
  };
}

export function vmDetailLists(namespace: string, name: string) {
  const named = `metadata.name=${name}`;
  return {
    vm: {
      model: 'virtualmachines',
      namespace,
      fieldSelector: named,
    } satisfies Subscription<'virtualmachines'>,
    instance: {
      model: 'virtualmachineinstances',
      namespace,
      fieldSelector: named,
    } satisfies Subscription<'virtualmachineinstances'>,
    disks: vmLists(namespace).disks,
    migrations: {
      model: 'virtualmachineinstancemigrations',
      namespace,
    } satisfies Subscription<'virtualmachineinstancemigrations'>,
    snapshots: {
      model: 'virtualmachinesnapshots',
      namespace,
      labelSelector: `${VM_LABEL}=${name}`,
    } satisfies Subscription<'virtualmachinesnapshots'>,
    restores: {
      model: 'virtualmachinerestores',
      namespace,
      labelSelector: `${VM_LABEL}=${name}`,
    } satisfies Subscription<'virtualmachinerestores'>,
    events: eventsAbout(namespace, 'VirtualMachine', name),
  };
}
