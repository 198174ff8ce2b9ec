import { describe, expect, it } from 'vitest';

import { groupsFrom, kubeIdentity, UnsafeIdentityError, verifiedEmail } from './identity';

const cfg = { userPrefix: 'oidc:', groupPrefix: 'oidc:' };

describe('kubeIdentity', () => {
  it('prefixes the user and groups', () => {
    expect(kubeIdentity({ sub: 'u1', email: 'a@x', groups: ['tenant-acme-admins'] }, cfg)).toEqual({
      username: 'oidc:a@x',
      groups: ['oidc:tenant-acme-admins'],
    });
  });

  it('falls back to sub and never passes system: groups', () => {
    expect(kubeIdentity({ sub: 'u1', groups: ['system:masters', 'ops', 'ops'] }, cfg)).toEqual({
      username: 'oidc:u1',
      groups: ['oidc:ops'],
    });
  });
});

describe('groupsFrom', () => {
  it('accepts arrays and single strings', () => {
    expect(groupsFrom({ groups: ['a', 1, 'b'] }, 'groups')).toEqual(['a', 'b']);
    expect(groupsFrom({ roles: 'a' }, 'roles')).toEqual(['a']);
    expect(groupsFrom({}, 'groups')).toEqual([]);
  });
});

describe('identity hardening', () => {
  it('refuses a name that would be a system identity, and an empty prefix', () => {
    expect(() =>
      kubeIdentity(
        { sub: 'x', email: 'system:kube-controller-manager', groups: [] },
        { userPrefix: '', groupPrefix: '' },
      ),
    ).toThrow(UnsafeIdentityError);
    expect(() =>
      kubeIdentity(
        { sub: 'x', email: 'kube-controller-manager', groups: [] },
        { userPrefix: 'system:', groupPrefix: 'oidc:' },
      ),
    ).toThrow(UnsafeIdentityError);
  });

  it('never passes a group that is system: after prefixing', () => {
    expect(
      kubeIdentity(
        { sub: 'x', groups: ['masters', 'ops'] },
        { userPrefix: 'oidc:', groupPrefix: 'system:' },
      ).groups,
    ).toEqual([]);
  });

  it('names a session by its email only when the provider verified it', () => {
    expect(verifiedEmail({ email: 'a@x', email_verified: true })).toBe('a@x');
    expect(verifiedEmail({ email: 'a@x', email_verified: false })).toBeNull();
    expect(verifiedEmail({ email: 'a@x' })).toBeNull();
    expect(verifiedEmail({ email_verified: true })).toBeNull();
  });
});
