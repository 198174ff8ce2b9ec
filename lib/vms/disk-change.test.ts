import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { parsePlatformConfig } from '../platform/config';
import { buildVm } from './build';
import { withDisk, withoutDisk } from './disk-change';
import { createVmSchema } from './schema';
import { defaultVm } from './draft';

const vms = parsePlatformConfig(
  readFileSync('deploy/platform/platform.yaml', 'utf8'),
).virtualMachines;
const ctx = { namespace: 'tenant-acme', vms };
const { vm } = buildVm(
  createVmSchema.parse({
    ...defaultVm,
    name: 'web',
    dataDisks: [{ name: 'logs', sizeGi: 5, storageClass: 'replicated' }],
  }),
  ctx,
  undefined,
);
vm.metadata = { ...vm.metadata, resourceVersion: '42' };

describe('data disk changes', () => {
  it('adds a blank disk as a template, a disk and a volume, pinned to the version read', () => {
    const r = withDisk(vm, { name: 'data', sizeGi: 50, storageClass: 'replicated-x3' }, ctx);
    if (!r.ok) throw new Error(r.problem);
    expect(r.patch).toMatchObject({
      metadata: { resourceVersion: '42' },
      spec: {
        dataVolumeTemplates: [
          { metadata: { name: 'web-root' } },
          { metadata: { name: 'web-logs' } },
          {
            metadata: { name: 'web-data' },
            spec: { storage: { storageClassName: 'replicated-x3' } },
          },
        ],
        template: {
          spec: {
            volumes: expect.arrayContaining([{ name: 'data', dataVolume: { name: 'web-data' } }]),
          },
        },
      },
    });
  });

  it('refuses a taken or reserved name', () => {
    expect(withDisk(vm, { name: 'logs', sizeGi: 1, storageClass: 'x' }, ctx)).toEqual({
      ok: false,
      problem: 'nameTaken',
    });
    expect(withDisk(vm, { name: 'cloudinit', sizeGi: 1, storageClass: 'x' }, ctx)).toEqual({
      ok: false,
      problem: 'nameTaken',
    });
  });

  it('removes a data disk and names its DataVolume, never the root disk', () => {
    const r = withoutDisk(vm, 'logs');
    if (!r.ok) throw new Error(r.problem);
    expect(r.dataVolume).toBe('web-logs');
    expect(JSON.stringify(r.patch)).not.toContain('web-logs');
    expect(withoutDisk(vm, 'root')).toEqual({ ok: false, problem: 'root' });
    expect(withoutDisk(vm, 'nope')).toEqual({ ok: false, problem: 'unknown' });
  });
});
