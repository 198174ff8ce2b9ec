// Row views: for lists that may hold thousands of objects, the server sends each object projected
// to what the list shows. The registry of projections by model; pure, shared by server and tests.
import type { ModelId } from '../k8s/models';
import type { KubeObject } from '../k8s/types';
import { dataVolumeRow, migrationRow, vmiRow, vmRow } from '../vms/rows';
import { nodeRow } from '../nodes/rows';
import type { Subscription } from './protocol';

type Projection = (o: KubeObject) => KubeObject;

const rowViews: Partial<Record<ModelId, Projection>> = {
  virtualmachines: vmRow,
  virtualmachineinstances: vmiRow,
  datavolumes: dataVolumeRow,
  virtualmachineinstancemigrations: migrationRow,
  nodes: nodeRow,
};

/** What counting needs of any object: that it is there, and which one (events replace by uid). */
export const nameOf: Projection = (o) => ({
  apiVersion: o.apiVersion,
  kind: o.kind,
  metadata: {
    name: o.metadata?.name,
    namespace: o.metadata?.namespace,
    uid: o.metadata?.uid,
    resourceVersion: o.metadata?.resourceVersion,
  },
});

/** The projection a subscription asks for; undefined = whole objects. */
export function projectionOf(s: Subscription): Projection | undefined {
  if (s.view === 'names') return nameOf;
  return s.view === 'rows' ? rowViews[s.model] : undefined;
}
