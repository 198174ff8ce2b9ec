import 'server-only';

import { kubeAsDashboard } from '../k8s/client';
import { logError } from '../log';
import { models } from '../k8s/models';

export interface Readiness {
  ready: boolean;
  /** API groups the dashboard's pages need that the API server does not serve. */
  missingGroups: string[];
  error?: string;
}

interface GroupList {
  groups?: { name: string }[];
}

// A probe runs every few seconds on every replica; discovery changes rarely.
const CACHE_MS = 10_000;
let cached: { at: number; value: Promise<Readiness> } | undefined;

async function check(): Promise<Readiness> {
  const kube = kubeAsDashboard();
  try {
    const list = await kube.request<GroupList>('GET', '/apis', { timeoutMs: 3_000 });
    const served = new Set((list.groups ?? []).map((g) => g.name));
    const needed = new Set(
      Object.values(models)
        .map((m) => m.group)
        .filter((g) => g !== ''),
    );
    const missingGroups = [...needed].filter((g) => !served.has(g)).sort();
    return { ready: missingGroups.length === 0, missingGroups };
  } catch (err) {
    logError('readiness check failed', err);
    return {
      ready: false,
      missingGroups: [],
      error: err instanceof Error ? err.message : String(err),
    };
  }
}

/** Ready when the API server answers discovery and serves every API group a page reads. */
export function readiness(now = Date.now()): Promise<Readiness> {
  if (!cached || now - cached.at > CACHE_MS) cached = { at: now, value: check() };
  return cached.value;
}
