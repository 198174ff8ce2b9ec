import { createHmac } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { TicketLedger, signTicket, ticketKey, verifyTicket, type TicketInput } from './ticket.mjs';

const key = ticketKey('the-nextauth-secret');
const now = 1_800_000_000_000;
const input: TicketInput = {
  username: 'oidc:alice@acme.example',
  groups: ['oidc:tenant-acme-admins'],
  namespace: 'tenant-acme',
  name: 'bastion',
  kind: 'vnc',
  preserveSession: true,
  sessionExpiresAt: now + 3_600_000,
  sessionId: 'sid-1',
};

describe('console tickets', () => {
  it('round-trips the claims, with a nonce and a 30 s lifetime', () => {
    const res = verifyTicket(signTicket(input, key, { now }), key, { now: now + 29_000 });
    expect(res).toEqual({
      ok: true,
      claims: { ...input, v: 1, nonce: expect.any(String), exp: now + 30_000 },
    });
  });

  it("carries the person's ID token sealed: the browser sees only ciphertext", () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJlbWFpbCI6ImFsaWNlQGFjbWUuZXhhbXBsZSJ9.c2ln';
    const t = signTicket({ ...input, token }, key, { now });
    const body = Buffer.from(t.split('.')[0] ?? '', 'base64url').toString('utf8');
    expect(body).not.toContain(token);
    expect(body).not.toContain('eyJ');
    expect(verifyTicket(t, key, { now })).toMatchObject({ ok: true, claims: { token } });
    // Under another key (another install) the seal doesn't open, even with a valid signature.
    const other = ticketKey('another-secret');
    const claims = JSON.parse(body) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const sig = createHmac('sha256', other).update(forged).digest('base64url');
    expect(verifyTicket(`${forged}.${sig}`, other, { now })).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('never outlives the session', () => {
    const t = signTicket({ ...input, sessionExpiresAt: now + 5_000 }, key, { now });
    expect(verifyTicket(t, key, { now: now + 5_000 })).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a lapsed ticket', () => {
    const t = signTicket(input, key, { now });
    expect(verifyTicket(t, key, { now: now + 30_000 })).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a tampered ticket: another VM, another person, a swapped signature', () => {
    const t = signTicket(input, key, { now });
    const [body, sig] = t.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    for (const change of [{ name: 'other-vm' }, { username: 'oidc:admin' }, { groups: [] }]) {
      const forged = Buffer.from(JSON.stringify({ ...claims, ...change })).toString('base64url');
      expect(verifyTicket(`${forged}.${sig}`, key, { now })).toEqual({
        ok: false,
        reason: 'signature',
      });
    }
    const other = signTicket({ ...input, name: 'x' }, key, { now }).split('.')[1];
    expect(verifyTicket(`${body}.${other}`, key, { now })).toEqual({
      ok: false,
      reason: 'signature',
    });
  });

  it('refuses a ticket signed with another key (another secret, or the secret itself)', () => {
    const t = signTicket(input, ticketKey('another-secret'), { now });
    expect(verifyTicket(t, key, { now })).toEqual({ ok: false, reason: 'signature' });
    const raw = signTicket(input, Buffer.from('the-nextauth-secret'), { now });
    expect(verifyTicket(raw, key, { now })).toEqual({ ok: false, reason: 'signature' });
  });

  it('refuses what is not a ticket', () => {
    for (const junk of [null, '', 'abc', 'a.b.c', `${'x'.repeat(9000)}.y`, 42])
      expect(verifyTicket(junk, key, { now })).toMatchObject({ ok: false });
  });

  it('refuses a well-signed body without the claims', () => {
    const body = Buffer.from(JSON.stringify({ v: 1, exp: now + 1000 })).toString('base64url');
    const sig = createHmac('sha256', key).update(body).digest('base64url');
    expect(verifyTicket(`${body}.${sig}`, key, { now })).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('needs a secret', () => {
    expect(() => ticketKey(undefined)).toThrow(/NEXTAUTH_SECRET/);
  });
});

describe('ticket ledger', () => {
  it('lets a nonce through once, and forgets it after the ticket lapsed', () => {
    const ledger = new TicketLedger();
    expect(ledger.claim('n1', now + 30_000, now)).toBe(true);
    expect(ledger.claim('n1', now + 30_000, now + 1)).toBe(false);
    expect(ledger.claim('n2', now + 30_000, now + 2)).toBe(true);
    expect(ledger.claim('n3', now + 60_000, now + 30_000)).toBe(true);
    expect(ledger.size).toBe(1);
  });
});
