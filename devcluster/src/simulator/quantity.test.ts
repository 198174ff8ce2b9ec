import { describe, expect, it } from 'vitest';

import { formatBytes, parseQuantity } from './quantity.ts';

describe('parseQuantity', () => {
  it('reads binary, decimal and exponent forms', () => {
    expect(parseQuantity('20Gi')).toBe(20 * 2 ** 30);
    expect(parseQuantity('1.5Ti')).toBe(1.5 * 2 ** 40);
    expect(parseQuantity('500M')).toBe(5e8);
    expect(parseQuantity('100m')).toBeCloseTo(0.1);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('64')).toBe(64);
  });
  it('rejects junk', () => {
    expect(parseQuantity('twenty')).toBeUndefined();
    expect(parseQuantity(undefined)).toBeUndefined();
    expect(parseQuantity('5Zi')).toBeUndefined();
  });
  it('formats bytes in whole binary units', () => {
    expect(formatBytes(20 * 2 ** 30)).toBe('20Gi');
    expect(formatBytes(1536 * 2 ** 20)).toBe('1536Mi');
    expect(formatBytes(1000)).toBe('1000');
  });
});
