// The health of a cluster's add-on releases, read from Flux HelmRelease conditions. Pure.
import { findCondition } from '../k8s/conditions';
import { ADDON_LABEL } from './labels';
import { oneLine } from './blockers';
import type { HelmReleaseObject } from './types';

/** What the page needs of a catalog entry (the catalog itself stays on the server). */
export interface AddonInfo {
  id: string;
  required: boolean;
  role?: string;
  chart: string;
  version: string;
  dependsOn: string[];
}

export type AddonState = 'ready' | 'failed' | 'progressing' | 'waiting' | 'absent';

export interface AddonHealth {
  state: AddonState;
  /** The Ready condition's message (failed, progressing). */
  message?: string;
  /** Add-ons it waits for (waiting). */
  waitingOn: string[];
  /** chart@version as installed or asked for. */
  chart: string;
}

export const addonIdOf = (hr: HelmReleaseObject): string | undefined =>
  hr.metadata?.labels?.[ADDON_LABEL];

function chartOf(hr: HelmReleaseObject, info: AddonInfo | undefined): string {
  const spec = hr.spec?.chart?.spec;
  const last = hr.status?.history?.[0];
  const name = spec?.chart ?? last?.chartName ?? info?.chart ?? '';
  const version = spec?.version ?? last?.chartVersion ?? info?.version ?? '';
  return version ? `${name}@${version}` : name;
}

const isReady = (hr: HelmReleaseObject | undefined): boolean =>
  findCondition(hr?.status?.conditions, 'Ready')?.status === 'True';

/**
 * One add-on's health among the cluster's releases. A release whose dependencies are not Ready
 * waits (Flux holds it with Ready=False until they are); Ready=False otherwise is a failure, and
 * no verdict yet (Unknown, or no status) is progress.
 */
export function addonHealth(
  id: string,
  releases: HelmReleaseObject[],
  catalog: AddonInfo[],
): AddonHealth {
  const info = catalog.find((a) => a.id === id);
  const hr = releases.find((r) => addonIdOf(r) === id);
  if (!hr) return { state: 'absent', waitingOn: [], chart: info ? chartOf({}, info) : '' };
  const chart = chartOf(hr, info);
  const ready = findCondition(hr.status?.conditions, 'Ready');
  if (ready?.status === 'True') return { state: 'ready', waitingOn: [], chart };
  // A dependency that is gone counts as not Ready (Flux waits for it too).
  const waitingOn = (hr.spec?.dependsOn ?? []).flatMap((d) => {
    const dep = releases.find((r) => r.metadata?.name === d.name);
    return isReady(dep) ? [] : [(dep && addonIdOf(dep)) ?? d.name];
  });
  if (waitingOn.length) return { state: 'waiting', waitingOn, chart };
  if (ready?.status === 'False')
    return {
      state: 'failed',
      message: ready.message ? oneLine(ready.message) : ready.reason,
      waitingOn: [],
      chart,
    };
  return { state: 'progressing', message: ready?.message, waitingOn: [], chart };
}
