// core/v1 Events, written the way controllers do, so the app's "related events" have something to show.
import { randomBytes } from 'node:crypto';

import type { Rest } from './kube/rest.ts';
import { apiVersionOf, pathOf, R, type KObj, type Resource } from './kube/types.ts';
import { nowIso } from './conditions.ts';

export interface EventInput {
  type?: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** reportingComponent / source.component, e.g. capi-controller-manager. */
  component: string;
}

export class Recorder {
  constructor(
    private readonly rest: Rest,
    private readonly log: (msg: string) => void,
  ) {}

  /** Fire and forget: an event that can't be written (namespace terminating …) is not an error. */
  record(res: Resource, obj: KObj, e: EventInput): void {
    void this.write(res, obj, e).catch((err: unknown) => {
      this.log(`event ${e.reason} for ${res.kind} ${obj.metadata.name}: ${(err as Error).message}`);
    });
  }

  private async write(res: Resource, obj: KObj, e: EventInput): Promise<void> {
    const namespace = res.namespaced ? (obj.metadata.namespace ?? 'default') : 'default';
    const now = nowIso();
    await this.rest.create(pathOf(R.event, namespace), {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${obj.metadata.name}.${randomBytes(8).toString('hex')}`, namespace },
      involvedObject: {
        apiVersion: apiVersionOf(res),
        kind: res.kind,
        name: obj.metadata.name,
        namespace: res.namespaced ? obj.metadata.namespace : undefined,
        uid: obj.metadata.uid,
        resourceVersion: obj.metadata.resourceVersion,
      },
      reason: e.reason,
      message: e.message,
      type: e.type ?? 'Normal',
      source: { component: e.component },
      reportingComponent: e.component,
      reportingInstance: `${e.component}-stratus-simulator`,
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
    });
  }
}
