import { describe, expect, it } from 'vitest';

import { catalogImage } from '../simulator/cdi/images.ts';
import { parseQuantity } from '../simulator/quantity.ts';
import { catalogObjects } from './catalog.ts';
import { devPlatform } from './clusters.ts';
import { bootSources, goldenDataVolumes, imageCatalogObjects } from './images.ts';

describe('boot-source catalog', () => {
  const objs = imageCatalogObjects();
  const preferences = new Set(
    catalogObjects()
      .filter((o) => o.kind === 'VirtualMachineClusterPreference')
      .map((o) => o.metadata.name),
  );
  const instancetypes = new Set(
    catalogObjects()
      .filter((o) => o.kind === 'VirtualMachineClusterInstancetype')
      .map((o) => o.metadata.name),
  );

  it('names only preferences and instancetypes that exist', () => {
    for (const s of bootSources) {
      expect(preferences.has(s.preference), s.name).toBe(true);
      expect(instancetypes.has(s.instancetype), s.name).toBe(true);
    }
  });

  it('sizes every image so its minimum disk holds it', () => {
    for (const s of bootSources) {
      const image = catalogImage(s.kind === 'registry' ? `docker://${s.image ?? ''}` : s.url);
      expect(image, s.name).toBeDefined();
      expect(parseQuantity(s.minDiskSize) ?? 0, s.name).toBeGreaterThanOrEqual(
        image?.virtualSize ?? Infinity,
      );
    }
  });

  it('labels each DataSource the way the dashboard reads it, backed by a DataVolume of its name', () => {
    const ds = objs.filter((o) => o.kind === 'DataSource');
    expect(ds.map((o) => o.metadata.name)).toEqual([
      'ubuntu-2404',
      'fedora-42',
      'debian-12',
      'centos-stream-9',
    ]);
    expect(ds[0]?.metadata.labels).toEqual({
      'stratus.dev/boot-source': 'true',
      'stratus.dev/os': 'ubuntu',
      'instancetype.kubevirt.io/default-instancetype': 'u1.medium',
      'instancetype.kubevirt.io/default-preference': 'ubuntu',
    });
    expect(ds[0]?.metadata.annotations).toEqual({
      'stratus.dev/display-name': 'Ubuntu 24.04 LTS',
      'stratus.dev/min-disk-size': '4Gi',
    });
    expect(goldenDataVolumes().map((d) => d.metadata.name)).toEqual(ds.map((o) => o.metadata.name));
  });

  it('backs every platform boot source: golden images exist, and each image fits its minimum disk', () => {
    const platform = devPlatform().virtualMachines.bootSources;
    const golden = new Set(objs.filter((o) => o.kind === 'DataSource').map((o) => o.metadata.name));
    for (const b of platform) {
      if ('dataSource' in b.source) {
        expect(golden.has(b.source.dataSource.name), b.id).toBe(true);
        continue;
      }
      const image = catalogImage('registry' in b.source ? b.source.registry : b.source.http);
      expect(image, b.id).toBeDefined();
      expect(b.minDiskGi * 2 ** 30, b.id).toBeGreaterThanOrEqual(image?.virtualSize ?? Infinity);
    }
  });
});
