// The browser ⇄ server live protocol: one server-sent event stream per tab carries every list the
// tab shows. Shared by the hub (server) and the provider (browser); the server checks requests
// with lib/live/schema.ts.
import type { UserError } from '../k8s/errors';
import type { ModelId, ObjectOf } from '../k8s/models';
import type { KubeList, KubeObject } from '../k8s/types';

/**
 * The models pages list and watch. Anything else (Secrets above all: their values must never reach
 * a browser) is refused by the list route and the live stream alike.
 */
export const liveModels: ReadonlySet<ModelId> = new Set<ModelId>([
  'clusters',
  'kamajicontrolplanes',
  'machinedeployments',
  'machines',
  'machinehealthchecks',
  'events',
  'resourcequotas',
  'virtualmachines',
  'virtualmachineinstances',
  'virtualmachineinstancemigrations',
  'virtualmachinesnapshots',
  'virtualmachinerestores',
  'datavolumes',
  'persistentvolumeclaims',
  'services',
  'nodes',
  'helmreleases',
  // Operator console: release sources, hardware inventory, tenants.
  'helmrepositories',
  'ocirepositories',
  'gitrepositories',
  'baremetalhosts',
  'hardwaredata',
  'nodefeatures',
  'namespaces',
  'ipaddresspools',
  'rolebindings',
  'fenceagentsremediations',
  'selfnoderemediations',
  // Volumes (lib/volumes): a volume's snapshots.
  'volumesnapshots',
  // Nodes and fencing (lib/nodes): health checks, and the pods on a node (operators).
  'nodehealthchecks',
  'pods',
]);

/** One list a page shows: a model, optionally in one namespace and narrowed by selectors. */
export interface Subscription<Id extends ModelId = ModelId> {
  model: Id;
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /**
   * 'rows': only the fields lists show; 'names': only each object's identity, for counting
   * (see projections.ts). Unset: whole objects.
   */
  view?: 'rows' | 'names';
}

/** A subscription as the tab sends it: with the resourceVersion its cached list is at, if any. */
export type LiveSubscription = Subscription & { resourceVersion?: string };

export function subscriptionKey(s: Subscription): string {
  return JSON.stringify([
    s.model,
    s.namespace ?? '',
    s.labelSelector ?? '',
    s.fieldSelector ?? '',
    s.view ?? '',
  ]);
}

/** What a list query holds in the cache. */
export interface ListData<T extends KubeObject = KubeObject> {
  items: T[];
  resourceVersion: string;
  /** Only the first page (a page prefetched for a fast first paint): the stream sends it all. */
  partial?: boolean;
  /** With `partial`: how many items the whole list holds, when the API server said. */
  total?: number;
}

/** One LIST response as a ListData: partial while pages remain, with the whole list's count. */
export function listData(list: Pick<KubeList, 'metadata'>, items: KubeObject[]): ListData {
  const { continue: cont, remainingItemCount: rest, resourceVersion } = list.metadata;
  return {
    items,
    resourceVersion: resourceVersion ?? '',
    ...(cont ? { partial: true } : {}),
    ...(cont && rest !== undefined ? { total: items.length + rest } : {}),
  };
}

export type ListOf<Id extends ModelId> = ListData<ObjectOf<Id>>;

export interface LiveEvent {
  key: string;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
}

export type StreamMessage =
  | { type: 'hello'; streamId: string }
  /** A whole list, or its first page when `list.partial`: `page` messages then bring the rest. */
  | { type: 'sync'; key: string; list: ListData }
  /** The next page of a paged sync, appended to it; the last one is not partial. */
  | { type: 'page'; key: string; list: ListData }
  | { type: 'events'; events: LiveEvent[] }
  | { type: 'error'; key: string; error: UserError }
  | { type: 'signedOut' }
  /** The person's ID token runs out soon: re-send the subscriptions (the request renews it). */
  | { type: 'renew' };

/** For prefetching: every list of a page's set. */
export function allOf(lists: Record<string, Subscription>): Subscription[] {
  return Object.values(lists);
}
