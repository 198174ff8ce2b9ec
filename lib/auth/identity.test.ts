import { describe, expect, it } from 'vitest';

import { groupsFrom, kubeIdentity } from './identity';

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
