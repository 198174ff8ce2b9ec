import { describe, expect, it } from 'vitest';

import { age, display, pick } from './format';
import { english } from './i18n/catalogs';

describe('format', () => {
  const now = Date.parse('2026-01-02T00:00:00Z');
  it('formats ages', () => {
    expect(age('2026-01-01T23:59:30Z', now)).toBe('30s');
    expect(age('2026-01-01T23:00:00Z', now)).toBe('60m');
    expect(age('2026-01-01T00:00:00Z', now)).toBe('24h');
    expect(age('2025-12-20T00:00:00Z', now)).toBe('13d');
    expect(age(undefined, now)).toBe('—');
  });
  it('picks paths and displays values', () => {
    expect(pick({ status: { phase: 'Running' } }, 'status.phase')).toBe('Running');
    expect(pick({ status: null }, 'status.phase')).toBeUndefined();
    expect(display(undefined, english)).toBe('—');
    expect(display(true, english)).toBe('Yes');
    expect(display(3, english)).toBe('3');
  });
});
