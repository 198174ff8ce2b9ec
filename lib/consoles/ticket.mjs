// Console tickets: what the ticket route hands the browser and the custom server's WebSocket proxy
// accepts. Plain ESM so server.mjs runs it without a TypeScript runtime; the route imports it too,
// so there is one format. A ticket is base64url(JSON claims) "." base64url(HMAC-SHA256), valid for
// seconds and for one connection: the browser can carry it in a WebSocket URL, but cannot mint one.
//
// In token passthrough the ticket also carries the person's ID token — their credential for the
// dial — sealed (AES-256-GCM under a key of its own), so the browser holds only ciphertext.
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

export const TICKET_TTL_MS = 30_000;
const VERSION = 1;
// A distinct label: this key signs nothing but console tickets, whatever else uses the secret.
const KEY_INFO = 'stratus console ticket v1';

/** The signing key, derived from NEXTAUTH_SECRET (HKDF-SHA256 with this module's own label). */
export function ticketKey(secret) {
  if (!secret) throw new Error('console tickets need NEXTAUTH_SECRET');
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), KEY_INFO, 32));
}

const b64 = (buf) => Buffer.from(buf).toString('base64url');
const mac = (key, body) => createHmac('sha256', key).update(body).digest();
const sealKey = (key) =>
  Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'stratus console credential v1', 32));

function seal(key, text) {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', sealKey(key), iv);
  const data = Buffer.concat([c.update(text, 'utf8'), c.final()]);
  return [iv, c.getAuthTag(), data].map(b64).join('.');
}

function unseal(key, sealed) {
  const [iv, tag, data] = String(sealed)
    .split('.')
    .map((p) => Buffer.from(p ?? '', 'base64url'));
  const d = createDecipheriv('aes-256-gcm', sealKey(key), iv);
  d.setAuthTag(tag);
  return Buffer.concat([d.update(data), d.final()]).toString('utf8');
}

/** Signs claims; the ticket lapses after ttlMs or when the session ends, whichever is first. */
export function signTicket(claims, key, { now = Date.now(), ttlMs = TICKET_TTL_MS } = {}) {
  const { token, ...rest } = claims;
  const full = {
    ...rest,
    ...(token ? { credential: seal(key, token) } : {}),
    v: VERSION,
    nonce: b64(randomBytes(16)),
    exp: Math.min(now + ttlMs, claims.sessionExpiresAt),
  };
  const body = b64(JSON.stringify(full));
  return `${body}.${b64(mac(key, body))}`;
}

const KINDS = new Set(['vnc', 'console']);
const isString = (v) => typeof v === 'string' && v.length > 0;

function wellFormed(c) {
  return (
    c !== null &&
    typeof c === 'object' &&
    c.v === VERSION &&
    isString(c.username) &&
    Array.isArray(c.groups) &&
    c.groups.every(isString) &&
    isString(c.namespace) &&
    isString(c.name) &&
    KINDS.has(c.kind) &&
    typeof c.preserveSession === 'boolean' &&
    typeof c.sessionExpiresAt === 'number' &&
    typeof c.sessionId === 'string' &&
    isString(c.nonce) &&
    typeof c.exp === 'number' &&
    (c.credential === undefined || isString(c.credential))
  );
}

/** Checks signature, shape and expiry (not single use: see TicketLedger). */
export function verifyTicket(ticket, key, { now = Date.now() } = {}) {
  if (typeof ticket !== 'string' || ticket.length > 8192) return { ok: false, reason: 'malformed' };
  const [body, sig, extra] = ticket.split('.');
  if (!body || !sig || extra !== undefined) return { ok: false, reason: 'malformed' };
  const given = Buffer.from(sig, 'base64url');
  const want = mac(key, body);
  if (given.length !== want.length || !timingSafeEqual(given, want))
    return { ok: false, reason: 'signature' };
  let claims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!wellFormed(claims)) return { ok: false, reason: 'malformed' };
  if (claims.exp <= now || claims.sessionExpiresAt <= now) return { ok: false, reason: 'expired' };
  const { credential, ...open } = claims;
  if (credential === undefined) return { ok: true, claims: open };
  try {
    return { ok: true, claims: { ...open, token: unseal(key, credential) } };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}

/** Nonces seen by this process until their ticket lapses: a ticket opens one connection. */
export class TicketLedger {
  #seen = new Map();

  /** True the first time a nonce is presented, false for every reuse. */
  claim(nonce, exp, now = Date.now()) {
    for (const [n, until] of this.#seen) if (until <= now) this.#seen.delete(n);
    if (this.#seen.has(nonce)) return false;
    this.#seen.set(nonce, exp);
    return true;
  }

  get size() {
    return this.#seen.size;
  }
}
