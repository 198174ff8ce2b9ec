// Whether adding some resources fits a tenant's ResourceQuotas, with a sentence per shortfall. Pure;
// the create forms check before submitting and the server checks again before writing.
import { msg, type Msg } from '../i18n/messages';
import type { ResourceQuotaObject } from '../k8s/objects';
import { parseQuantity } from './quantity';
import { quotaResourceLabel } from './quota-labels';

/** `wants` maps quota resource names (requests.cpu, count/…) to what the new objects add. */
export function quotaShortfalls(
  quotas: ResourceQuotaObject[],
  wants: Record<string, number>,
): Msg[] {
  const problems: Msg[] = [];
  for (const q of quotas) {
    for (const [resource, add] of Object.entries(wants)) {
      const hard = q.status?.hard?.[resource];
      if (hard === undefined || add === 0) continue;
      const h = parseQuantity(hard) ?? Infinity;
      const used = parseQuantity(q.status?.used?.[resource] ?? '0') ?? 0;
      if (used + add > h) problems.push(describe(resource, used, add, h));
    }
  }
  return problems;
}

function describe(resource: string, used: number, add: number, hard: number): Msg {
  if (resource === 'requests.storage' || resource === 'requests.memory') {
    const gi = (n: number) => Math.round(n / 2 ** 30);
    return msg(resource === 'requests.storage' ? 'quota.shortStorage' : 'quota.shortMemory', {
      needs: gi(add),
      left: gi(Math.max(0, hard - used)),
      hard: gi(hard),
    });
  }
  return msg('quota.short', {
    what: quotaResourceLabel(resource),
    needs: add,
    left: Math.max(0, hard - used),
    hard,
  });
}
