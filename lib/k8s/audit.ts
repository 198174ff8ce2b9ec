import 'server-only';

import { kubeAsDashboard } from './client';
import { models } from './models';
import type { KubeObject } from './types';

/**
 * Records what a person did to an object as an Event on it, written by the dashboard's own
 * identity (tenants may not create Events, so nobody can forge a record naming someone else).
 */
export async function recordAudit(
  about: KubeObject,
  e: { reason: string; message: string; type?: 'Normal' | 'Warning' },
): Promise<void> {
  const namespace = about.metadata?.namespace ?? 'default';
  const name = about.metadata?.name ?? '';
  const now = new Date().toISOString();
  await kubeAsDashboard().create(models.events, {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { generateName: `${name}.stratus-`, namespace },
    involvedObject: {
      apiVersion: about.apiVersion,
      kind: about.kind,
      name,
      namespace: about.metadata?.namespace,
      uid: about.metadata?.uid,
    },
    reason: e.reason,
    message: e.message,
    type: e.type ?? 'Normal',
    source: { component: 'stratus-dashboard' },
    reportingComponent: 'stratus-dashboard',
    reportingInstance: 'stratus-dashboard',
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
  });
}
