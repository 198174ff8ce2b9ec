// The tenant overview: quota usage and resource counts. Pure.
import type { Msg } from '../i18n/messages';
import type { ResourceQuotaObject } from '../k8s/objects';
import type { Subscription } from '../live/protocol';
import { countSubscription, portalSections } from '../navigation';
import { parseQuantity } from './quantity';
import { quotaAmount, quotaResourceLabel } from './quota-labels';

export function overviewLists(namespace: string): Subscription[] {
  return [
    { model: 'resourcequotas', namespace },
    ...portalSections.map((r) => countSubscription(r, namespace)),
  ];
}

export interface QuotaLine {
  resource: string;
  used: string;
  hard: string;
  /** 0..1 when both are comparable quantities. */
  ratio: number | undefined;
  label: Msg | string;
  usedText: Msg | string;
  hardText: Msg | string;
}

export function quotaLines(quotas: ResourceQuotaObject[]): QuotaLine[] {
  return quotas.flatMap((q) => {
    // The limit the operator set: status.hard trails a change until the quota controller syncs.
    const hard = q.spec?.hard ?? q.status?.hard ?? {};
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
          label: quotaResourceLabel(resource),
          usedText: quotaAmount(resource, u),
          hardText: quotaAmount(resource, h),
        };
      });
  });
}
