import { describe, expect, it } from 'vitest';

import { devPlatform } from '../testing/platform';
import { resolveAddons } from './addons';

describe('resolveAddons', () => {
  const platform = devPlatform();
  const ids = (r: ReturnType<typeof resolveAddons>) => (r.ok ? r.addons.map((a) => a.id) : r);

  it('always includes the required CNI, dependencies first', () => {
    expect(ids(resolveAddons(platform, { addons: [], personalAccess: false }))).toEqual(['cilium']);
    expect(
      ids(resolveAddons(platform, { addons: ['cert-manager'], personalAccess: false })),
    ).toEqual(['cilium', 'cert-manager']);
  });

  it('adds the access add-on for personal access', () => {
    expect(ids(resolveAddons(platform, { addons: [], personalAccess: true }))).toEqual([
      'cilium',
      'tenant-access',
    ]);
  });

  it('names add-ons the catalog does not have', () => {
    expect(
      resolveAddons(platform, { addons: ['cilium', 'bitcoin-miner'], personalAccess: false }),
    ).toEqual({
      ok: false,
      unknown: ['bitcoin-miner'],
    });
  });
});
