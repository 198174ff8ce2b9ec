import { describe, expect, it } from 'vitest';

import { english } from '../i18n/catalogs';
import { overviewLists, quotaLines } from './overview';
import { parseQuantity } from './quantity';

describe('tenant overview', () => {
  it('parses quantities', () => {
    expect(parseQuantity('2Ti')).toBe(2 * 2 ** 40);
    expect(parseQuantity('500m')).toBe(0.5);
    expect(parseQuantity('10')).toBe(10);
    expect(parseQuantity('1.5G')).toBe(1.5e9);
    expect(parseQuantity('x')).toBeUndefined();
  });

  it('computes quota lines from status', () => {
    const lines = quotaLines([
      {
        status: {
          hard: { 'requests.storage': '2Ti', persistentvolumeclaims: '50' },
          used: { 'requests.storage': '512Gi', persistentvolumeclaims: '5' },
        },
      },
    ]);
    expect(lines).toMatchObject([
      { resource: 'persistentvolumeclaims', used: '5', hard: '50', ratio: 0.1 },
      { resource: 'requests.storage', used: '512Gi', hard: '2Ti', ratio: 0.25 },
    ]);
    // A changed limit shows at once, before the quota controller copies it into status.
    const changed = quotaLines([
      { spec: { hard: { pods: '6' } }, status: { hard: { pods: '4' }, used: { pods: '1' } } },
    ]);
    expect(changed).toMatchObject([{ resource: 'pods', used: '1', hard: '6' }]);
    // People read names and units, not resource keys.
    const say = (v: string | Parameters<typeof english>[0]) =>
      typeof v === 'string' ? v : english(v);
    expect(lines.map((l) => `${say(l.label)}: ${say(l.usedText)} of ${say(l.hardText)}`)).toEqual([
      'Volumes: 5 of 50',
      'Storage: 512 GiB of 2 TiB',
    ]);
  });

  it('lists the quota and every portal resource in the namespace', () => {
    const subs = overviewLists('tenant-acme');
    expect(subs.map((s) => s.model)).toEqual([
      'resourcequotas',
      'clusters',
      'virtualmachines',
      'persistentvolumeclaims',
      'services',
    ]);
    expect(subs.every((s) => s.namespace === 'tenant-acme')).toBe(true);
  });
});
