import { describe, expect, it } from 'vitest';

import { english } from '../i18n/catalogs';
import { checkUpgrade as check, compareVersions, upgradeTargets } from './versions';

const checkUpgrade = (...args: Parameters<typeof check>) => {
  const r = check(...args);
  return r.ok ? r : { ok: false, reason: english(r.reason) };
};

const supported = ['v1.31.13', 'v1.32.9', 'v1.33.5', 'v1.34.1'];

describe('versions', () => {
  it('orders versions numerically', () => {
    expect(compareVersions('v1.9.0', 'v1.10.0')).toBeLessThan(0);
    expect(['v1.34.1', 'v1.31.13', 'v1.33.5'].sort(compareVersions)).toEqual([
      'v1.31.13',
      'v1.33.5',
      'v1.34.1',
    ]);
  });

  it('allows one minor step up', () => {
    expect(checkUpgrade('v1.32.9', 'v1.33.5', supported)).toEqual({ ok: true });
    expect(upgradeTargets('v1.32.9', supported)).toEqual(['v1.33.5']);
  });

  it('refuses downgrades, skips, same version and unsupported versions', () => {
    expect(checkUpgrade('v1.33.5', 'v1.32.9', supported)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('Downgrades'),
    });
    expect(checkUpgrade('v1.31.13', 'v1.33.5', supported)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('one minor version'),
    });
    expect(checkUpgrade('v1.34.1', 'v1.34.1', supported).ok).toBe(false);
    expect(checkUpgrade('v1.34.1', 'v1.35.0', supported)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not a supported'),
    });
  });
});
