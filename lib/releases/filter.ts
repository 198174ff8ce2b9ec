// The releases page's filters, counts and grouping, over summaries. Pure (the bench times these).
import { releaseStates, type ReleaseState, type ReleaseSummary } from './status';

export interface ReleaseFilter {
  namespace?: string;
  state?: ReleaseState;
  /** Case-insensitive substring of name, namespace, chart, version, message or tenant/cluster. */
  text?: string;
}

export type ReleaseCounts = Record<ReleaseState, number>;

export function countReleases(rows: ReleaseSummary[]): ReleaseCounts {
  const c: ReleaseCounts = { failing: 0, progressing: 0, suspended: 0, ready: 0 };
  for (const r of rows) c[r.state] += 1;
  return c;
}

const haystack = (r: ReleaseSummary) =>
  [r.name, r.namespace, r.chart, r.version, r.message, r.tenant, r.cluster]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();

export function filterReleases(rows: ReleaseSummary[], f: ReleaseFilter): ReleaseSummary[] {
  const text = f.text?.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!f.namespace || r.namespace === f.namespace) &&
      (!f.state || r.state === f.state) &&
      (!text || haystack(r).includes(text)),
  );
}

/** Failures first (then in progress, suspended, ready), by namespace and name within a state. */
export function sortReleases(rows: ReleaseSummary[]): ReleaseSummary[] {
  const rank = (s: ReleaseState) => releaseStates.indexOf(s);
  return [...rows].sort(
    (a, b) =>
      rank(a.state) - rank(b.state) ||
      a.namespace.localeCompare(b.namespace) ||
      a.name.localeCompare(b.name),
  );
}

export interface ReleaseGroup {
  /** '' for the platform's own releases; otherwise "tenant/cluster". */
  key: string;
  tenant?: string;
  cluster?: string;
  rows: ReleaseSummary[];
}

/** Platform releases as one group, then one group per tenant cluster's add-ons. */
export function groupReleases(rows: ReleaseSummary[]): ReleaseGroup[] {
  const groups = new Map<string, ReleaseGroup>();
  for (const r of rows) {
    const key = r.tenant && r.cluster ? `${r.tenant}/${r.cluster}` : '';
    let g = groups.get(key);
    if (!g) {
      g = { key, rows: [], ...(key ? { tenant: r.tenant, cluster: r.cluster } : {}) };
      groups.set(key, g);
    }
    g.rows.push(r);
  }
  return [...groups.values()].sort((a, b) =>
    a.key === '' ? -1 : b.key === '' ? 1 : a.key.localeCompare(b.key),
  );
}

export function namespacesOf(rows: ReleaseSummary[]): string[] {
  return [...new Set(rows.map((r) => r.namespace))].sort();
}
