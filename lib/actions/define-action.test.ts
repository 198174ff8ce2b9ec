import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

import { KubeApiError, KubeTransportError, UnauthenticatedError } from '../k8s/errors';

const session = vi.hoisted(() => ({ requireKube: vi.fn() }));
vi.mock('../auth/session', () => session);

const { defineAction } = await import('./define-action');
const { msg } = await import('../i18n/messages');

const run = vi.fn();
const action = defineAction({
  name: 'probe',
  input: z.object({
    namespace: z.string().min(1),
    form: z.object({ size: z.coerce.number().max(5, 'clusters.validation.maxNodes') }),
  }),
  form: 'form',
  needs: [{ verb: 'create', model: 'services' }],
  describe: () => ({ action: msg('action.create', { kinds: 'services' }), kind: 'Service' }),
  run,
});

const signedIn = () =>
  session.requireKube.mockResolvedValue({ kube: {}, viewer: { email: 'a@x' } });

describe('defineAction', () => {
  it('returns field errors relative to the form, before any session is resolved', async () => {
    session.requireKube.mockReset();
    const r = await action({ namespace: 'ns', form: { size: 9 } });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'invalid',
        status: 422,
        // One problem is said as it is; several send the person to the fields.
        message: 'At most 5 nodes per group.',
        fields: { size: 'At most 5 nodes per group.' },
      },
    });
    expect(session.requireKube).not.toHaveBeenCalled();
    expect(run).not.toHaveBeenCalled();
  });

  it('refuses arguments outside the form without naming fields', async () => {
    const r = await action({ namespace: '', form: { size: 1 } });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: 'That request was not valid.' },
    });
    expect(r.ok === false && r.error.fields).toBeFalsy();
  });

  it('says the session expired when nobody is signed in', async () => {
    session.requireKube.mockRejectedValue(new UnauthenticatedError());
    const r = await action({ namespace: 'ns', form: { size: 1 } });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'unauthenticated',
        status: 401,
        message: 'Your session has expired. Sign in again to continue.',
      },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it('maps API errors with what the person tried, and never throws', async () => {
    signedIn();
    run.mockRejectedValueOnce(
      new KubeApiError(403, {
        message: 'services is forbidden: User "oidc:a@x" cannot create resource',
      }),
    );
    const r = await action({ namespace: 'ns', form: { size: 1 } });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        message: "You don't have permission to create services in this tenant.",
      },
    });
    run.mockRejectedValueOnce(new KubeTransportError('unreachable'));
    expect(await action({ namespace: 'ns', form: { size: 1 } })).toMatchObject({
      ok: false,
      error: { code: 'unreachable' },
    });
  });

  it('keeps raw messages in the server log, and gives the person a request id', async () => {
    signedIn();
    const log = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    run.mockRejectedValueOnce(new Error('ECONNRESET token=s3cr3t at TLSSocket'));
    const r = await action({ namespace: 'ns', form: { size: 1 } });
    const logged = log.mock.calls.map((c) => String(c[0])).join('');
    log.mockRestore();
    expect(r.ok).toBe(false);
    const text = JSON.stringify(r);
    expect(text).not.toContain('s3cr3t');
    expect(text).not.toContain('ECONNRESET');
    expect(r.ok === false && r.error.code).toBe('serverError');
    const requestId = r.ok === false ? r.error.requestId : undefined;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(logged).toContain('s3cr3t');
    expect(logged).toContain(requestId ?? 'missing');
  });

  it('hands parsed input to the action and returns its data', async () => {
    signedIn();
    run.mockImplementationOnce(
      async ({ input }: { input: { form: { size: number } } }) => input.form.size * 2,
    );
    expect(await action({ namespace: 'ns', form: { size: '2' } })).toEqual({ ok: true, data: 4 });
    expect(action.info).toMatchObject({
      name: 'probe',
      needs: [{ verb: 'create', model: 'services' }],
    });
  });
});
