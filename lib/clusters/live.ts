// The lists a cluster page keeps live, keyed once for server prefetch and client hooks. Pure.
import { eventsAbout } from '../k8s/events';
import type { Subscription } from '../live/protocol';
import { CAPI_CLUSTER_NAME, CLUSTER_LABEL } from './labels';

export function clusterLists(namespace: string) {
  return {
    clusters: { model: 'clusters', namespace } satisfies Subscription<'clusters'>,
    controlPlanes: {
      model: 'kamajicontrolplanes',
      namespace,
    } satisfies Subscription<'kamajicontrolplanes'>,
    machineDeployments: {
      model: 'machinedeployments',
      namespace,
    } satisfies Subscription<'machinedeployments'>,
  };
}

export function clusterDetailLists(namespace: string, name: string) {
  return {
    ...clusterLists(namespace),
    machines: {
      model: 'machines',
      namespace,
      labelSelector: `${CAPI_CLUSTER_NAME}=${name}`,
    } satisfies Subscription<'machines'>,
    releases: {
      model: 'helmreleases',
      namespace,
      labelSelector: `${CLUSTER_LABEL}=${name}`,
    } satisfies Subscription<'helmreleases'>,
    healthChecks: {
      model: 'machinehealthchecks',
      namespace,
      labelSelector: `${CLUSTER_LABEL}=${name}`,
    } satisfies Subscription<'machinehealthchecks'>,
    events: eventsAbout(namespace, 'Cluster', name),
  };
}
