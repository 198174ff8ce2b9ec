import { describe, expect, it } from 'vitest';

import { BIG_TENANT, KINDS, SCALE_LABEL, scaleCounts, scaleObjects } from './scale-objects';

describe('scale objects', () => {
  it('are the issue-14 counts at factor 1, ten times that at 10, at least one of each below', () => {
    expect(scaleCounts(1)).toEqual({
      tenants: 50,
      vms: 2000,
      clusters: 500,
      volumes: 5000,
      releases: 200,
      nodes: 100,
    });
    expect(scaleCounts(10).vms).toBe(20_000);
    expect(scaleCounts(0.0001)).toEqual(Object.fromEntries(KINDS.map((k) => [k, 1])));
    expect(() => scaleCounts(0)).toThrow(/positive/);
    expect(() => scaleCounts(Number.NaN)).toThrow(/positive/);
  });

  it('labels every object, names each once, and gives the first tenant 200 VMs at factor 1', () => {
    const all = Object.values(scaleObjects(1)).flat();
    for (const { obj } of all) expect(obj.metadata.labels?.[SCALE_LABEL], obj.kind).toBe('true');
    const keys = all.map(({ obj }) => `${obj.kind}/${obj.metadata.namespace}/${obj.metadata.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    const vms = scaleObjects(1).vms.map(({ obj }) => obj.metadata.namespace);
    expect(vms.filter((ns) => ns === `tenant-${BIG_TENANT}`)).toHaveLength(200);
    // The other 1,800 are dealt evenly round the other 49 tenants.
    const rest = new Map<string, number>();
    for (const ns of vms)
      if (ns !== `tenant-${BIG_TENANT}`) rest.set(ns ?? '', (rest.get(ns ?? '') ?? 0) + 1);
    expect(rest.size).toBe(49);
    expect(Math.max(...rest.values()) - Math.min(...rest.values())).toBeLessThanOrEqual(1);
  });
});
