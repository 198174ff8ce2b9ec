// The lists the volume pages keep live, keyed once for server prefetch and client hooks. Pure.
import { eventsAbout } from '../k8s/events';
import type { Subscription } from '../live/protocol';
import { vmLists } from '../vms/live';
import { VOLUME_LABEL } from './build';

export function volumeLists(namespace: string) {
  return {
    volumes: {
      model: 'persistentvolumeclaims',
      namespace,
    } satisfies Subscription<'persistentvolumeclaims'>,
    // The same list (and cache entry) the VM pages use: who uses which claim.
    vms: vmLists(namespace).vms,
    snapshots: { model: 'volumesnapshots', namespace } satisfies Subscription<'volumesnapshots'>,
  };
}

export function volumeDetailLists(namespace: string, name: string) {
  return {
    ...volumeLists(namespace),
    volume: {
      model: 'persistentvolumeclaims',
      namespace,
      fieldSelector: `metadata.name=${name}`,
    } satisfies Subscription<'persistentvolumeclaims'>,
    snapshots: {
      model: 'volumesnapshots',
      namespace,
      labelSelector: `${VOLUME_LABEL}=${name}`,
    } satisfies Subscription<'volumesnapshots'>,
    events: eventsAbout(namespace, 'PersistentVolumeClaim', name),
  };
}
