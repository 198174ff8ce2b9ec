// The lists a cluster page keeps live, keyed once for server prefetch and client hooks. Pure.
import type { Subscription } from '../live/protocol';

export function clusterLists(namespace: string): Subscription[] {
  return [
    { model: 'clusters', namespace },
    { model: 'kamajicontrolplanes', namespace },
    { model: 'machinedeployments', namespace },
  ];
}

export function clusterDetailLists(namespace: string, name: string): Subscription[] {
  return [
    ...clusterLists(namespace),
    { model: 'machines', namespace, labelSelector: `cluster.x-k8s.io/cluster-name=${name}` },
    {
      model: 'events',
      namespace,
      fieldSelector: `involvedObject.kind=Cluster,involvedObject.name=${name}`,
    },
  ];
}
