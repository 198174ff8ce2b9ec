import { describe, expect, it } from 'vitest';

import { safeRedirect } from './redirect';

const base = 'http://127.0.0.1:3000';

describe('safeRedirect', () => {
  it('keeps paths and same-origin URLs', () => {
    expect(safeRedirect('/t/acme?x=1', base)).toBe(`${base}/t/acme?x=1`);
    expect(safeRedirect(`${base}/console`, base)).toBe(`${base}/console`);
  });

  it('sends everything else home, and never throws', () => {
    for (const url of [
      '//evil.example/x',
      'https://evil.example/',
      'javascript:alert(1)',
      'http://[',
      '',
      '%',
    ])
      expect(safeRedirect(url, base)).toBe(base);
  });
});
