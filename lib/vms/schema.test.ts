import { describe, expect, it } from 'vitest';

import { fieldErrorsOf } from '../forms/issues';
import { english } from '../i18n/catalogs';
import { parsePlatformConfig } from '../platform/config';
import { readFileSync } from 'node:fs';
import { catalogProblems, createVmSchema } from './schema';
import { defaultVm } from './draft';
import { keyLine } from '../testing/ssh-keys';

const fieldErrors = (e: Parameters<typeof fieldErrorsOf>[0]) =>
  Object.fromEntries(Object.entries(fieldErrorsOf(e)).map(([k, m]) => [k, english(m)]));
const valid = { ...defaultVm, name: 'web' };

describe('createVmSchema', () => {
  it('accepts the form’s defaults with a name', () => {
    expect(createVmSchema.parse(valid).start).toBe(true);
  });

  it('names the line of a bad SSH key', () => {
    const r = createVmSchema.safeParse({
      ...valid,
      sshKeys: `${keyLine('ssh-ed25519')}\nssh-ed25519 nope`,
    });
    expect(r.success).toBe(false);
    if (!r.success) expect(fieldErrors(r.error).sshKeys).toMatch(/^Line 2:/);
  });

  it('refuses cloud-init without its header, and SSH exposure without a key', () => {
    const r = createVmSchema.safeParse({ ...valid, cloudInit: 'runcmd: []', exposeSsh: true });
    expect(r.success).toBe(false);
    if (!r.success)
      expect(fieldErrors(r.error)).toMatchObject({
        cloudInit: expect.stringMatching(/#cloud-config/),
        sshKeys: expect.stringMatching(/SSH key/),
      });
  });

  it('refuses two disks of one name and the reserved names', () => {
    const disk = { name: 'data', sizeGi: 10, storageClass: 'replicated' };
    const r = createVmSchema.safeParse({
      ...valid,
      dataDisks: [disk, disk, { ...disk, name: 'root' }],
    });
    expect(r.success).toBe(false);
    if (!r.success)
      expect(Object.keys(fieldErrors(r.error)).sort()).toEqual([
        'dataDisks.1.name',
        'dataDisks.2.name',
      ]);
  });
});

describe('catalogProblems', () => {
  const catalog = parsePlatformConfig(readFileSync('deploy/platform/platform.yaml', 'utf8'))
    .virtualMachines.bootSources;

  it('holds the root disk to the image’s size and the source to the catalog', () => {
    expect(catalogProblems({ bootSource: 'centos-stream-9', rootDiskGi: 5 }, catalog)).toEqual({
      rootDiskGi: 'vms.validation.diskTooSmall',
    });
    expect(catalogProblems({ bootSource: 'nope', rootDiskGi: 50 }, catalog)).toEqual({
      bootSource: 'vms.validation.unknownSource',
    });
    expect(catalogProblems({ bootSource: 'centos-stream-9', rootDiskGi: 10 }, catalog)).toEqual({});
    expect(catalogProblems({ bootSource: '', rootDiskGi: 1 }, catalog)).toEqual({});
  });
});
