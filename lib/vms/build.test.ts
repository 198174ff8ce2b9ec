import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { parsePlatformConfig } from '../platform/config';
import { buildVm, type VmBuildContext } from './build';
import { createVmSchema } from './schema';
import { defaultVm } from './draft';
import { keyLine } from '../testing/ssh-keys';

const platform = parsePlatformConfig(readFileSync('deploy/platform/platform.yaml', 'utf8'));
const ctx: VmBuildContext = { namespace: 'tenant-acme', vms: platform.virtualMachines };
const source = (id: string) => platform.virtualMachines.bootSources.find((b) => b.id === id);
const input = (over: Partial<typeof defaultVm> = {}) =>
  createVmSchema.parse({ ...defaultVm, name: 'web', ...over });

describe('buildVm', () => {
  it('imports the catalog image into a shared block root disk and sizes by instancetype', () => {
    const { vm, service } = buildVm(
      input({ bootSource: 'ubuntu-24-04' }),
      ctx,
      source('ubuntu-24-04'),
    );
    expect(service).toBeUndefined();
    expect(vm.spec?.instancetype).toEqual({
      kind: 'VirtualMachineClusterInstancetype',
      name: 'u1.small',
    });
    expect(vm.spec?.preference?.name).toBe('ubuntu');
    expect(vm.spec?.template?.spec?.domain.cpu).toBeUndefined();
    expect(vm.spec?.dataVolumeTemplates?.[0]).toMatchObject({
      metadata: { name: 'web-root' },
      spec: {
        source: { registry: { url: 'docker://quay.io/containerdisks/ubuntu:24.04' } },
        storage: {
          accessModes: ['ReadWriteMany'],
          volumeMode: 'Block',
          storageClassName: 'replicated',
          resources: { requests: { storage: '20Gi' } },
        },
      },
    });
    expect(vm.spec?.template?.spec?.evictionStrategy).toBe('LiveMigrate');
    expect(vm.spec?.runStrategy).toBe('Always');
  });

  it('clones a golden image through its DataSource, and sets explicit CPU and memory', () => {
    const { vm } = buildVm(
      input({
        bootSource: 'ubuntu-24-04-golden',
        instancetype: '',
        cpu: 2,
        memoryGi: 3,
        start: false,
      }),
      ctx,
      source('ubuntu-24-04-golden'),
    );
    expect(vm.spec?.dataVolumeTemplates?.[0]?.spec.sourceRef).toEqual({
      kind: 'DataSource',
      name: 'ubuntu-2404',
      namespace: 'stratus-images',
    });
    expect(vm.spec?.template?.spec?.domain).toMatchObject({
      cpu: { cores: 2 },
      memory: { guest: '3Gi' },
    });
    expect(vm.spec?.instancetype).toBeUndefined();
    expect(vm.spec?.runStrategy).toBe('Halted');
  });

  it('adds blank data disks, the keys as cloud-init, and an SSH load balancer on request', () => {
    const key = keyLine('ssh-ed25519');
    const { vm, service } = buildVm(
      input({
        dataDisks: [{ name: 'data', sizeGi: 50, storageClass: 'replicated-x3' }],
        sshKeys: key,
        exposeSsh: true,
      }),
      ctx,
      undefined,
    );
    const volumes = vm.spec?.template?.spec?.volumes ?? [];
    expect(volumes.map((v) => v.name)).toEqual(['root', 'data', 'cloudinit']);
    expect(volumes[2]?.cloudInitNoCloud?.userData).toContain(key);
    expect(vm.spec?.dataVolumeTemplates?.map((t) => [t.metadata.name, t.spec.source])).toEqual([
      ['web-root', { blank: {} }],
      ['web-data', { blank: {} }],
    ]);
    expect(service).toMatchObject({
      metadata: { name: 'web-ssh', namespace: 'tenant-acme' },
      spec: { type: 'LoadBalancer', selector: { 'stratus.dev/vm': 'web' }, ports: [{ port: 22 }] },
    });
    expect(vm.spec?.template?.metadata?.labels).toEqual({ 'stratus.dev/vm': 'web' });
  });
});
