import { describe, expect, it } from 'vitest';

import { contentSecurityPolicy } from './csp';

describe('contentSecurityPolicy', () => {
  it('allows only nonce-carrying scripts and no framing', () => {
    const csp = contentSecurityPolicy('abc123', { dev: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(contentSecurityPolicy('n', { dev: true })).toContain("'unsafe-eval'");
  });
});
