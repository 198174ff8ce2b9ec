import { describe, expect, it } from 'vitest';

import { en, ru, translator } from './catalogs';

describe('messages', () => {
  it('has every English key in Russian, translated', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
    const same = Object.keys(en).filter(
      (k) => en[k as keyof typeof en] === ru[k as keyof typeof en],
    );
    expect(
      same.every((k) =>
        [
          'app.name',
          'nav.kubeconfig',
          'common.yaml',
          'kubeconfig.title',
          'clusters.controlPlane',
          'model.kamajicontrolplanes',
          'common.join',
        ].includes(k),
      ),
    ).toBe(true);
  });

  it('fills parameters', () => {
    expect(translator('en')('overview.used', { used: 3, hard: 10 })).toBe('3 of 10');
    expect(translator('ru')('overview.used', { used: 3, hard: 10 })).toBe('3 из 10');
  });
});
