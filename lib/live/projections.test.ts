import { describe, expect, it } from 'vitest';

import { projectionOf } from './projections';

const vm = {
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: {
    name: 'web-1',
    namespace: 'tenant-acme',
    uid: 'u1',
    resourceVersion: '7',
    labels: { a: 'b' },
  },
  spec: { runStrategy: 'Always', template: { spec: { domain: {} } } },
  status: { printableStatus: 'Running' },
};

describe('projectionOf', () => {
  it("'names' keeps only an object's identity, for any model", () => {
    for (const model of ['virtualmachines', 'persistentvolumeclaims', 'services'] as const)
      expect(projectionOf({ model, view: 'names' })?.(vm)).toEqual({
        apiVersion: 'kubevirt.io/v1',
        kind: 'VirtualMachine',
        metadata: { name: 'web-1', namespace: 'tenant-acme', uid: 'u1', resourceVersion: '7' },
      });
  });

  it("'rows' is the model's row view where it has one; no view is whole objects", () => {
    const row = projectionOf({ model: 'virtualmachines', view: 'rows' })?.(vm);
    expect(row?.metadata?.name).toBe('web-1');
    expect(row).not.toEqual(vm);
    expect(projectionOf({ model: 'services', view: 'rows' })).toBeUndefined();
    expect(projectionOf({ model: 'virtualmachines' })).toBeUndefined();
  });
});
