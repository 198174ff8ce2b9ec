import { describe, expect, it } from 'vitest';

import { msg } from '../i18n/messages';
import { KubeApiError, KubeTransportError, toUserError, UnauthenticatedError } from './errors';

const api = (status: number, body: object) => new KubeApiError(status, body);

describe('toUserError', () => {
  it('maps 401 to a session message', () => {
    expect(toUserError(api(401, { message: 'Unauthorized' })).code).toBe('unauthenticated');
    expect(toUserError(new UnauthenticatedError())).toEqual(toUserError(api(401, {})));
  });

  it('maps 403 to a permission message naming the action, never the raw text', () => {
    const e = toUserError(
      api(403, {
        message: 'virtualmachines.kubevirt.io is forbidden: User "oidc:x" cannot create …',
      }),
      { action: msg('action.create', { kinds: 'virtual machines' }) },
    );
    expect(e).toMatchObject({ code: 'forbidden', status: 403 });
    expect(e.message).toBe("You don't have permission to create virtual machines in this tenant.");
  });

  it('recognises quota refusals', () => {
    const e = toUserError(
      api(403, {
        message:
          'persistentvolumeclaims "x" is forbidden: exceeded quota: tenant-quota, requested: requests.storage=5Ti, used: requests.storage=1Ti, limited: requests.storage=2Ti',
      }),
    );
    expect(e.code).toBe('quotaExceeded');
    expect(e.message).toContain('requested requests.storage=5Ti');
  });

  it('tells an admission policy the API server cannot evaluate yet from bad input', () => {
    // What kube-apiserver answered, just after a restart, for a valid tenant Service.
    const e = toUserError(
      api(422, {
        reason: 'Invalid',
        message:
          "services \"web\" is forbidden: ValidatingAdmissionPolicy 'stratus-tenant-loadbalancers' denied request: failed to configure policy: failed to find resource referenced by paramKind: 'metallb.io/v1beta1, Kind=IPAddressPool'",
        details: { name: 'web', kind: 'services' },
      }),
    );
    expect(e).toMatchObject({ code: 'serverError', status: 503 });
    expect(e.message).toContain('starting up');
    expect(e.message).not.toContain('paramKind');
  });

  it('maps 404 with the kind and name', () => {
    const e = toUserError(
      api(404, { reason: 'NotFound', details: { name: 'web', kind: 'virtualmachines' } }),
    );
    expect(e.message).toBe('virtual machine "web" no longer exists, or you can\'t see it.');
  });

  it('tells AlreadyExists from a write conflict', () => {
    expect(
      toUserError(api(409, { reason: 'AlreadyExists', details: { name: 'c1', kind: 'clusters' } }))
        .message,
    ).toBe('cluster "c1" already exists. Pick another name.');
    expect(toUserError(api(409, { reason: 'Conflict' })).code).toBe('conflict');
  });

  it('keeps field causes of 422s', () => {
    const e = toUserError(
      api(422, {
        reason: 'Invalid',
        details: {
          kind: 'VirtualMachine',
          causes: [
            { field: 'spec.template', reason: 'FieldValueRequired', message: 'Required value' },
          ],
        },
      }),
    );
    expect(e).toMatchObject({
      code: 'invalid',
      status: 422,
      fields: { 'spec.template': 'Required value' },
    });
    expect(e.message).toBe(
      'The cluster rejected this virtual machine: spec.template: Required value',
    );
  });

  it('maps throttling, timeouts, unreachable and unknown errors', () => {
    expect(toUserError(api(429, {})).code).toBe('tooManyRequests');
    expect(toUserError(new KubeTransportError('timeout')).code).toBe('timeout');
    expect(toUserError(new KubeTransportError('unreachable')).code).toBe('unreachable');
    const unknown = toUserError(new Error('ECONNRESET at TLSSocket…'));
    expect(unknown.code).toBe('serverError');
    expect(unknown.message).not.toContain('ECONNRESET');
  });
});
