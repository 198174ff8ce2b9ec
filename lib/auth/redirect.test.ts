import { describe, expect, it } from 'vitest';

import { safeRedirect, safeReturnPath } from './redirect';

const base = 'http://127.0.0.1:3000';

describe('safeRedirect', () => {
  it('keeps paths and same-origin URLs', () => {
    expect(safeRedirect('/t/acme?x=1', base)).toBe(`${base}/t/acme?x=1`);
    expect(safeRedirect(`${base}/console`, base)).toBe(`${base}/console`);
  });

  it('sends everything else home, and never throws', () => {
    for (const url of [
      '//evil.example/x',
      '/\\evil.example/x',
      '/\t/evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      'http://[',
    ])
      expect(safeRedirect(url, base)).toBe(base);
  });

  it('keeps a return path on this site only', () => {
    expect(safeReturnPath('/t/acme/clusters?x=1', base)).toBe('/t/acme/clusters?x=1');
    expect(safeReturnPath('/\\evil.example/x', base)).toBe('/');
    expect(safeReturnPath(undefined, base)).toBe('/');
  });
});
