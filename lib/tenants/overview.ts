// The tenant overview: quota usage and resource counts. Pure.
import type { Subscription } from '../live/protocol';
import { portalResources, portalSubscription } from './portal';

export function overviewLists(namespace: string): Subscription[] {
  return [
    { model: 'resourcequotas', namespace },
    ...portalResources.map((r) => portalSubscription(r, namespace)),
  ];
}

export interface QuotaLine {
  resource: string;
  used: string;
  hard: string;
  /** 0..1 when both are comparable quantities. */
  ratio: number | undefined;
}

interface QuotaStatus {
  status?: { hard?: Record<string, string>; used?: Record<string, string> };
  spec?: { hard?: Record<string, string> };
}

export function quotaLines(quotas: QuotaStatus[]): QuotaLine[] {
  return quotas.flatMap((q) => {
    const hard = q.status?.hard ?? q.spec?.hard ?? {};
    const used = q.status?.used ?? {};
    return Object.keys(hard)
      .sort()
      .map((resource) => {
        const h = hard[resource] ?? '0';
        const u = used[resource] ?? '0';
        const hn = parseQuantity(h);
        const un = parseQuantity(u);
        return {
          resource,
          used: u,
          hard: h,
          ratio: hn && un !== undefined ? Math.min(1, un / hn) : undefined,
        };
      });
  });
}

const suffixes: Record<string, number> = {
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
};

/** Kubernetes resource quantity ("2Ti", "500m", "10") to a number. */
export function parseQuantity(q: string): number | undefined {
  const m = /^([0-9.]+)([a-zA-Z]*)$/.exec(q.trim());
  if (!m || !m[1]) return undefined;
  const mult = m[2] ? suffixes[m[2]] : 1;
  return mult === undefined ? undefined : Number(m[1]) * mult;
}
