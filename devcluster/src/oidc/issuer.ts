// The development OIDC issuer: the demo's people sign in here, and the dashboard (next-auth) is
// its only client. On 127.0.0.1 only; not for anything but local use.
//
// With a TLS certificate (the devcluster's), the issuer is https — kube-apiserver accepts nothing
// else — and one port speaks both: servers (kube-apiserver, next-auth) fetch discovery, keys and
// tokens over https, while the discovery document sends browsers to plain-http sign-in and
// sign-out pages on the same port, so the demo shows no certificate warning.
import {
  createHash,
  generateKeyPairSync,
  randomBytes,
  randomUUID,
  timingSafeEqual,
} from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';

import Provider from 'oidc-provider';
import type {
  Adapter,
  AdapterPayload,
  Configuration,
  JWK,
  KoaContextWithOIDC,
} from 'oidc-provider';

import { type DemoUser, demoUsers, knownUsers, oidcClient } from '../demo-users.ts';

export interface IssuerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** Origins of the dashboard; each gets `${origin}/api/auth/callback/stratus`. */
  appOrigins: string[];
  /** Keeps signing keys, cookie keys, sessions and grants across restarts. Ephemeral without. */
  stateDir?: string;
  /** Access and ID token lifetime in seconds; default env STRATUS_OIDC_TOKEN_TTL, else 3600. */
  tokenTtl?: number;
  /** Refresh token lifetime in seconds; default env STRATUS_OIDC_REFRESH_TTL, else 14 days. */
  refreshTokenTtl?: number;
  /** PEM certificate and key: the issuer is https (browser pages stay http, see above). */
  tls?: { cert: string; key: string };
}

export interface Issuer {
  issuer: string;
  close(): Promise<void>;
}

export const callbackPath = '/api/auth/callback/stratus';
const scopes = ['openid', 'offline_access', 'profile', 'email', 'groups'];

export async function startIssuer(opts: IssuerOptions): Promise<Issuer> {
  const origins = opts.appOrigins.map(toOrigin);
  if (origins.length === 0) throw new Error('at least one app origin is required');
  const tokenTtl = opts.tokenTtl ?? ttlFromEnv('STRATUS_OIDC_TOKEN_TTL', 3600);
  const refreshTokenTtl =
    opts.refreshTokenTtl ?? ttlFromEnv('STRATUS_OIDC_REFRESH_TTL', 14 * 86400);
  if (opts.stateDir) fs.mkdirSync(opts.stateDir, { recursive: true, mode: 0o700 });
  const state = opts.stateDir;
  const jwks = loadOrCreate(state && path.join(state, 'jwks.json'), isJwks, newJwks);
  const cookieKeys = loadOrCreate(state && path.join(state, 'cookie-keys.json'), isStrings, () => [
    randomBytes(32).toString('base64url'),
  ]);
  const store = new Store(state && path.join(state, 'store.json'));

  // Listen first so port 0 works: the issuer URL needs the real port. Requests are handled once
  // the provider exists, and nobody knows the port before then.
  const server = http.createServer();
  const secure = opts.tls ? https.createServer(opts.tls) : undefined;
  const listener = secure ? bothSchemes(server, secure) : server;
  const port = await listen(listener, opts.port);
  const issuer = `${secure ? 'https' : 'http'}://127.0.0.1:${port}`;

  const provider = new Provider(issuer, {
    ...configuration({ origins, tokenTtl, refreshTokenTtl, jwks, cookieKeys, port }),
    adapter: (model: string) => store.adapter(model),
  });
  provider.on('server_error', (_ctx: KoaContextWithOIDC, err: Error) => {
    console.error('oidc issuer error:', err);
  });
  if (secure) provider.use(browserPagesOverHttp(port));
  const providerCallback = provider.callback();

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    route(provider, req, res, providerCallback).catch((err: unknown) => {
      console.error('oidc issuer error:', err);
      if (!res.headersSent) sendHtml(res, 500, errorPage('Something went wrong', 'See the log.'));
      else res.end();
    });
  };
  server.on('request', onRequest);
  secure?.on('request', onRequest);

  return {
    issuer,
    async close() {
      await new Promise<void>((resolve, reject) => {
        listener.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
        secure?.closeAllConnections();
      });
      store.flush();
    },
  };
}

/**
 * One port, two schemes: a connection whose first byte opens a TLS handshake (0x16) goes to the
 * https server, anything else to the http one.
 */
function bothSchemes(plain: http.Server, secure: https.Server): net.Server {
  const sockets = new Set<net.Socket>();
  const listener = net.createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === 0x16 ? secure : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  const close = listener.close.bind(listener);
  listener.close = (cb?: (err?: Error) => void) => {
    for (const s of sockets) s.destroy();
    return close(cb);
  };
  return listener;
}

/**
 * The discovery document names http pages for what a browser visits (sign-in, sign-out) and keeps
 * https for what servers call (tokens, keys, userinfo, revocation).
 */
function browserPagesOverHttp(port: number) {
  const page = (u: unknown) => {
    if (typeof u !== 'string') return u;
    const url = new URL(u);
    url.protocol = 'http:';
    url.port = String(port);
    return url.href;
  };
  return async (ctx: { path: string; body: unknown }, next: () => Promise<void>) => {
    await next();
    if (ctx.path !== '/.well-known/openid-configuration' || !isObject(ctx.body)) return;
    ctx.body = {
      ...ctx.body,
      authorization_endpoint: page(ctx.body.authorization_endpoint),
      end_session_endpoint: page(ctx.body.end_session_endpoint),
    };
  };
}

// --- configuration -------------------------------------------------------------------------------

function configuration(c: {
  origins: string[];
  tokenTtl: number;
  refreshTokenTtl: number;
  jwks: { keys: JWK[] };
  cookieKeys: string[];
  port: number;
}): Configuration {
  return {
    clients: [
      {
        client_id: oidcClient.id,
        client_secret: oidcClient.secret,
        client_name: 'Stratus dashboard',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: c.origins.map((o) => `${o}${callbackPath}`),
        // Exact match: accept the app's origin with and without the trailing slash.
        post_logout_redirect_uris: c.origins.flatMap((o) => [o, `${o}/`]),
        // oidc-provider accepts exactly the registered method; next-auth is set to basic.
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    responseTypes: ['code'],
    pkce: { required: () => true },
    scopes,
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      groups: ['groups'],
    },
    // The dashboard reads groups straight from the ID token; no userinfo round trip.
    conformIdTokenClaims: false,
    // offline_access is dropped unless prompt=consent; the dashboard is first party, so always
    // hand it a refresh token.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // Refresh tokens end with the session (no offline_access), so the session lasts as long.
    ttl: {
      AccessToken: c.tokenTtl,
      IdToken: c.tokenTtl,
      RefreshToken: c.refreshTokenTtl,
      Session: Math.max(c.tokenTtl, c.refreshTokenTtl),
      Grant: Math.max(c.tokenTtl, c.refreshTokenTtl),
      Interaction: 3600,
    },
    findAccount: (_ctx, sub) => {
      const user = knownUsers.find((u) => u.email === sub);
      return user && { accountId: user.email, claims: () => claimsOf(user) };
    },
    jwks: c.jwks,
    cookies: {
      keys: c.cookieKeys,
      // Cookies ignore ports: keep the demo and test issuers on 127.0.0.1 from clobbering each other.
      names: {
        session: `_oidc${c.port}_session`,
        interaction: `_oidc${c.port}_interaction`,
        resume: `_oidc${c.port}_resume`,
      },
      long: { httpOnly: true, sameSite: 'lax', secure: false },
      short: { httpOnly: true, sameSite: 'lax', secure: false },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      // Sign-out may revoke the refresh token; only the client that holds it may.
      revocation: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      setPageHeaders((name, value) => ctx.set(name, value));
      ctx.body = errorPage(
        'Sign-in failed',
        out.error_description ? `${out.error}: ${out.error_description}` : out.error,
      );
    },
  };
}

function claimsOf(user: DemoUser) {
  return {
    sub: user.email,
    email: user.email,
    email_verified: true,
    name: user.name,
    groups: user.groups,
  };
}

// The dashboard asks to sign out with its id_token_hint: skip the "are you sure" step then.
function logoutSource(ctx: KoaContextWithOIDC, form: string) {
  const auto = ctx.oidc.client !== undefined;
  const script =
    "document.getElementById('op.logoutForm').requestSubmit(document.getElementById('logout'));";
  setPageHeaders((name, value) => ctx.set(name, value), auto ? script : undefined);
  ctx.body = page(
    'Sign out',
    `<h1>Sign out</h1>
    <p>Sign out of the Stratus development issuer${auto ? '…' : '?'}</p>
    ${form}
    <button id="logout" type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>
    ${auto ? `<script>${script}</script>` : ''}`,
  );
}

function postLogoutSuccessSource(ctx: KoaContextWithOIDC) {
  setPageHeaders((name, value) => ctx.set(name, value));
  ctx.body = page('Signed out', '<h1>Signed out</h1><p>You have been signed out.</p>');
}

// --- routing and interactions ----------------------------------------------------------------------

async function route(
  provider: Provider,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  providerCallback: http.RequestListener,
) {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/healthz') return sendText(res, 200, 'ok');
  const m = /^\/interaction\/([\w-]+)(?:\/(login|abort))?$/.exec(url.pathname);
  if (!m) return providerCallback(req, res);

  const action = m[2];
  if (action && req.method !== 'POST') return sendText(res, 405, 'method not allowed');
  if (!action && req.method !== 'GET') return sendText(res, 405, 'method not allowed');

  let details: Awaited<ReturnType<Provider['interactionDetails']>>;
  try {
    // Checks the uid in the path against the interaction cookie.
    details = await provider.interactionDetails(req, res);
  } catch {
    return sendHtml(
      res,
      400,
      errorPage(
        'Sign-in expired',
        'This sign-in request has expired or was already used. Go back to Stratus and try again.',
      ),
    );
  }
  if (details.uid !== m[1]) return sendText(res, 400, 'interaction mismatch');

  if (action === 'abort') {
    return provider.interactionFinished(req, res, {
      error: 'access_denied',
      error_description: 'the user cancelled the sign-in',
    });
  }

  if (details.prompt.name === 'consent') {
    // First-party client: grant whatever it asked for, without asking.
    const { params, prompt, session } = details;
    const clientId = String(params.client_id);
    const grant =
      (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ??
      new provider.Grant({ accountId: session?.accountId, clientId });
    const missingScope = stringList(prompt.details.missingOIDCScope);
    if (missingScope.length) grant.addOIDCScope(missingScope.join(' '));
    const missingClaims = stringList(prompt.details.missingOIDCClaims);
    if (missingClaims.length) grant.addOIDCClaims(missingClaims);
    const grantId = await grant.save();
    return provider.interactionFinished(
      req,
      res,
      { consent: details.grantId ? {} : { grantId } },
      { mergeWithLastSubmission: true },
    );
  }

  if (details.prompt.name !== 'login') {
    return sendHtml(res, 400, errorPage('Unsupported prompt', details.prompt.name));
  }

  if (!action) {
    const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint : '';
    return sendHtml(res, 200, loginPage(details.uid, hint));
  }

  const form = new URLSearchParams(await readBody(req));
  const email = (form.get('email') ?? '').trim().toLowerCase();
  const user = authenticate(email, form.get('password') ?? '');
  if (!user) return sendHtml(res, 200, loginPage(details.uid, email, 'Invalid email or password'));
  return provider.interactionFinished(
    req,
    res,
    { login: { accountId: user.email } },
    { mergeWithLastSubmission: false },
  );
}

function authenticate(email: string, password: string): DemoUser | undefined {
  const user = knownUsers.find((u) => u.email === email);
  // Compare even for unknown emails so timing doesn't tell which part was wrong.
  const ok = timingSafeEqual(digest(password), digest(user?.password ?? randomUUID()));
  return ok ? user : undefined;
}

function digest(s: string) {
  return createHash('sha256').update(s).digest();
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 16_384) req.destroy(new Error('request body too large'));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

// --- pages ---------------------------------------------------------------------------------------

function loginPage(uid: string, email: string, error?: string) {
  const invalid = error ? ' aria-invalid="true" aria-describedby="login-error"' : '';
  const accounts = demoUsers
    .map(
      (u) =>
        `<tr><td><code>${esc(u.email)}</code></td><td><code>${esc(u.password)}</code></td>` +
        `<td>${esc(u.role)}</td></tr>`,
    )
    .join('');
  return page(
    'Stratus – development issuer',
    `<h1>Welcome to Stratus</h1>
    <p class="muted">Development identity provider for the local demo.</p>
    ${error ? `<p id="login-error" class="error" role="alert">${esc(error)}</p>` : ''}
    <form method="post" action="/interaction/${esc(uid)}/login">
      <label for="email">Email</label>
      <input id="email" name="email" type="email" autocomplete="username" required
        value="${esc(email)}"${email ? '' : ' autofocus'}${invalid}>
      <label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required${
        email ? ' autofocus' : ''
      }${invalid}>
      <button type="submit">Sign in</button>
    </form>
    <form method="post" action="/interaction/${esc(uid)}/abort">
      <button type="submit" class="secondary">Cancel</button>
    </form>
    <section aria-labelledby="demo-accounts">
      <h2 id="demo-accounts">Demo accounts</h2>
      <table>
        <thead><tr><th scope="col">Email</th><th scope="col">Password</th><th scope="col">Role</th></tr></thead>
        <tbody>${accounts}</tbody>
      </table>
    </section>`,
  );
}

function errorPage(title: string, message: string) {
  return page(title, `<h1>${esc(title)}</h1><p class="error" role="alert">${esc(message)}</p>`);
}

const css = `
:root{color-scheme:light dark;font-family:system-ui,sans-serif;line-height:1.5}
body{margin:0;padding:2rem 1rem;background:Canvas;color:CanvasText}
main{max-width:28rem;margin:0 auto}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1rem;margin:2rem 0 .5rem}
.muted{opacity:.75;margin-top:0}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input{box-sizing:border-box;width:100%;padding:.5rem;font:inherit;border:1px solid GrayText;border-radius:.375rem}
input:focus-visible,button:focus-visible{outline:2px solid #2563eb;outline-offset:2px}
button{margin-top:1.25rem;width:100%;padding:.6rem;font:inherit;font-weight:600;border:0;border-radius:.375rem;
background:#2563eb;color:#fff;cursor:pointer}
button.secondary{margin-top:.5rem;background:transparent;color:inherit;border:1px solid GrayText}
.error{border:1px solid #b91c1c;color:#b91c1c;background:#fef2f2;padding:.5rem .75rem;border-radius:.375rem}
@media (prefers-color-scheme:dark){.error{background:#450a0a;color:#fecaca}}
table{width:100%;border-collapse:collapse;font-size:.875rem}
th,td{text-align:left;padding:.25rem .5rem .25rem 0;border-bottom:1px solid GrayText;vertical-align:top}
`;

function page(title: string, body: string) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${css}</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

// No form-action: after the login POST the browser is redirected on to the app's origin.
function setPageHeaders(set: (name: string, value: string) => void, script?: string) {
  const scriptSrc = script
    ? `'sha256-${createHash('sha256').update(script).digest('base64')}'`
    : "'none'";
  set(
    'Content-Security-Policy',
    `default-src 'none'; style-src 'unsafe-inline'; script-src ${scriptSrc}; ` +
      "base-uri 'none'; frame-ancestors 'none'",
  );
  set('X-Frame-Options', 'DENY');
  set('Cache-Control', 'no-store');
  set('Referrer-Policy', 'no-referrer');
}

function sendHtml(res: http.ServerResponse, status: number, html: string) {
  res.statusCode = status;
  setPageHeaders((name, value) => res.setHeader(name, value));
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.end(html);
}

function sendText(res: http.ServerResponse, status: number, text: string) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(`${text}\n`);
}

function esc(s: string) {
  return s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );
}

// --- server, keys, storage -------------------------------------------------------------------------

function listen(server: net.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      reject(err.code === 'EADDRINUSE' ? new Error(`port ${port} is in use`) : err);
    };
    server.once('error', onError);
    server.listen({ port, host: '127.0.0.1' }, () => {
      server.off('error', onError);
      const addr = server.address();
      if (addr === null || typeof addr === 'string') return reject(new Error('no address'));
      resolve(addr.port);
    });
  });
}

function toOrigin(s: string) {
  const u = new URL(s);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`bad app origin ${s}`);
  return u.origin;
}

function ttlFromEnv(name: string, fallback: number) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer`);
  return n;
}

function newJwks(): { keys: JWK[] } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  return { keys: [{ ...jwk, kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' }] };
}

function isJwks(v: unknown): v is { keys: JWK[] } {
  return isObject(v) && Array.isArray(v.keys) && v.keys.length > 0 && v.keys.every(isObject);
}

function isStrings(v: unknown): v is string[] {
  return Array.isArray(v) && v.length > 0 && v.every((k) => typeof k === 'string');
}

/** Reads state from `file` (if any), or creates it and writes it there. */
function loadOrCreate<T>(file: string | undefined, valid: (v: unknown) => v is T, create: () => T) {
  if (file && fs.existsSync(file)) {
    const v: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!valid(v)) throw new Error(`${file} is malformed; delete it to start afresh`);
    return v;
  }
  const v = create();
  if (file) writeAtomic(file, v);
  return v;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function writeAtomic(file: string, value: unknown) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(value), { mode: 0o600 });
  fs.renameSync(tmp, file);
}

interface Entry {
  payload: AdapterPayload;
  /** Epoch ms, or undefined for no expiry. */
  expiresAt?: number;
}

// Sessions, grants and tokens in memory, mirrored to a JSON file so a restart keeps people signed
// in. Linear scans are fine at demo scale.
const grantable = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode']);

class Store {
  #entries = new Map<string, Entry>();
  #file: string | undefined;

  constructor(file: string | undefined) {
    this.#file = file;
    if (file && fs.existsSync(file)) {
      const raw: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (isObject(raw)) {
        for (const [key, e] of Object.entries(raw)) {
          if (isObject(e) && isObject(e.payload)) {
            this.#entries.set(key, {
              payload: e.payload,
              expiresAt: typeof e.expiresAt === 'number' ? e.expiresAt : undefined,
            });
          }
        }
      }
    }
  }

  get(key: string) {
    const e = this.#entries.get(key);
    if (e?.expiresAt !== undefined && e.expiresAt <= Date.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return e?.payload;
  }

  find(model: string, pred: (p: AdapterPayload) => boolean) {
    for (const [key] of this.#entries) {
      if (!key.startsWith(`${model}:`)) continue;
      const p = this.get(key);
      if (p && pred(p)) return p;
    }
    return undefined;
  }

  set(key: string, payload: AdapterPayload, expiresIn?: number) {
    this.#entries.set(key, {
      payload,
      expiresAt: expiresIn === undefined ? undefined : Date.now() + expiresIn * 1000,
    });
    this.flush();
  }

  delete(pred: (key: string, p: AdapterPayload) => boolean) {
    for (const [key, e] of this.#entries) if (pred(key, e.payload)) this.#entries.delete(key);
    this.flush();
  }

  flush() {
    if (!this.#file) return;
    const now = Date.now();
    const live = [...this.#entries].filter(
      ([, e]) => e.expiresAt === undefined || e.expiresAt > now,
    );
    writeAtomic(this.#file, Object.fromEntries(live));
  }

  adapter(model: string): Adapter {
    const key = (id: string) => `${model}:${id}`;
    return {
      upsert: async (id, payload, expiresIn) => this.set(key(id), payload, expiresIn),
      find: async (id) => this.get(key(id)),
      findByUid: async (uid) => this.find(model, (p) => p.uid === uid),
      findByUserCode: async (code) => this.find(model, (p) => p.userCode === code),
      consume: async (id) => {
        const p = this.get(key(id));
        if (p) {
          p.consumed = Math.floor(Date.now() / 1000);
          this.flush();
        }
      },
      destroy: async (id) => this.delete((k) => k === key(id)),
      revokeByGrantId: async (grantId) =>
        this.delete((k, p) => p.grantId === grantId && grantable.has(k.slice(0, k.indexOf(':')))),
    };
  }
}
