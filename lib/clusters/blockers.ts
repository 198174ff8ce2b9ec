// The first refusal along a cluster's chain, read from conditions as the controllers wrote them
// (their messages are shown as they are: they name the missing DataStore, the refused flag). Pure.
import { msg, type Msg } from '../i18n/messages';
import { findCondition, isHealthy } from '../k8s/conditions';
import type { KamajiControlPlaneObject, MachineObject } from './types';

/** Controllers write lists ("* A: …" per line); a summary is one line. */
export function oneLine(message: string): string {
  return message
    .split('\n')
    .map((l) => l.replace(/^\s*\*\s*/, '').trim())
    .filter(Boolean)
    .join('; ');
}

// Roll-ups repeat what the specific conditions say, in less detail.
const rollUps = new Set(['Ready', 'Available']);

/**
 * The control plane's first unhealthy specific condition that says something. "Not created"
 * while Kamaji has no TenantControlPlane for it (the Kamaji provider's condition), else "not
 * ready". undefined when nothing has a message (then the summary just says it waits).
 */
export function controlPlaneBlocker(kcp: KamajiControlPlaneObject | undefined): Msg | undefined {
  const conditions = kcp?.status?.conditions ?? [];
  const first = conditions.find((c) => !rollUps.has(c.type) && !isHealthy(c) && c.message);
  if (!first?.message) return undefined;
  const created = findCondition(conditions, 'TenantControlPlaneCreated');
  return msg(
    created && created.status !== 'True'
      ? 'clusters.summary.cpNotCreated'
      : 'clusters.summary.cpNotReady',
    { reason: oneLine(first.message) },
  );
}

export interface MachineBlocker {
  machine: string;
  /** Whether its Node registered (then the node is there but NotReady). */
  joined: boolean;
  reason: string;
}

/**
 * Machines whose node said no: NodeReady (v1beta2; NodeHealthy in v1beta1) False with a
 * message. Unknown is a wait (no Node yet), not a refusal.
 */
export function machineBlockers(machines: MachineObject[]): MachineBlocker[] {
  return machines
    .filter((m) => !m.metadata?.deletionTimestamp)
    .flatMap((m) => {
      const c = ['NodeReady', 'NodeHealthy']
        .map((t) => findCondition(m.status?.conditions, t))
        .find((x) => x?.status === 'False' && x.message);
      return c?.message
        ? [
            {
              machine: m.metadata?.name ?? '',
              joined: !!m.status?.nodeRef?.name,
              reason: oneLine(c.message),
            },
          ]
        : [];
    })
    .sort((a, b) => a.machine.localeCompare(b.machine));
}
