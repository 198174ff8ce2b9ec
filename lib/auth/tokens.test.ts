import { describe, expect, it } from 'vitest';

import { jwtClaims, jwtExpiry, refreshDue } from './tokens';

const jwt = (claims: Record<string, unknown>) =>
  `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('ID token refresh timing', () => {
  const now = 1_800_000_000_000;

  it('refreshes a third of the lifetime before expiry for short tokens', () => {
    const t = { idTokenIssuedAt: now, idTokenExpiresAt: now + 120_000 };
    expect(refreshDue(t, now + 79_000)).toBe(false);
    expect(refreshDue(t, now + 80_000)).toBe(true);
  });

  it('refreshes a minute before expiry for long ones, and at once once expired', () => {
    const t = { idTokenIssuedAt: now, idTokenExpiresAt: now + 3_600_000 };
    expect(refreshDue(t, now + 3_539_000)).toBe(false);
    expect(refreshDue(t, now + 3_540_000)).toBe(true);
    expect(refreshDue(t, now + 4_000_000)).toBe(true);
  });

  it('never refreshes a session without an ID token', () => {
    expect(refreshDue({}, now)).toBe(false);
  });

  it('reads exp and claims from a JWT, and nothing from garbage', () => {
    expect(jwtExpiry(jwt({ exp: 1_800_000_120 }))).toBe(1_800_000_120_000);
    expect(jwtClaims(jwt({ groups: ['a'] }))).toEqual({ groups: ['a'] });
    expect(jwtExpiry('not-a-jwt')).toBeUndefined();
    expect(jwtExpiry(jwt({ exp: 'soon' }))).toBeUndefined();
    expect(jwtClaims('x.!!!.y')).toEqual({});
  });
});
