// Drives the development issuer over HTTP the way a browser and next-auth would.
import { execFileSync, spawn } from 'node:child_process';
import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoUsers, loadUsers, oidcClient } from '../demo-users.ts';
import { type Issuer, startIssuer } from './issuer.ts';

const appOrigin = 'http://127.0.0.1:3999';
const redirectUri = `${appOrigin}/api/auth/callback/stratus`;
const basicAuth = `Basic ${Buffer.from(`${oidcClient.id}:${oidcClient.secret}`).toString('base64')}`;

/** Just enough of a browser: a cookie jar and manual redirects. */
class Browser {
  cookies = new Map<string, string>();

  async request(url: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    if (this.cookies.size) {
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /expires=.*1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Follows redirects until one leaves the issuer (the app's callback), returning that URL. */
  async follow(res: Response, base: string): Promise<{ res: Response; url: string }> {
    let url = res.url;
    while (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location') ?? '', url).href;
      if (!url.startsWith(base)) return { res, url };
      res = await this.request(url);
    }
    return { res, url };
  }

  postForm(url: string, fields: Record<string, string>) {
    return this.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }
}

interface Tokens {
  access_token: string;
  id_token: string;
  refresh_token?: string;
  expires_in: number;
  token_type: string;
}

function b64url(buf: Buffer) {
  return buf.toString('base64url');
}

function formAction(html: string) {
  const m = /<form[^>]* action="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('no form on the page');
  return m[1];
}

async function discovery(issuer: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${issuer}/.well-known/openid-configuration`);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

/** Checks the RS256 signature against the issuer's JWKS and returns the payload. */
async function verifyIdToken(issuer: string, jwt: string): Promise<Record<string, unknown>> {
  const [h = '', p = '', s = ''] = jwt.split('.');
  const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as { kid: string; alg: string };
  expect(header.alg).toBe('RS256');
  const jwks = (await (await fetch(`${issuer}/jwks`)).json()) as { keys: { kid: string }[] };
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  expect(jwk).toBeDefined();
  const key = createPublicKey({ key: jwk as never, format: 'jwk' });
  expect(verify('sha256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'))).toBe(true);
  return JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
}

/** The whole authorization code + PKCE dance; returns the token response. */
async function signIn(
  issuer: string,
  email: string,
  password: string,
  opts: { browser?: Browser; wrongPasswordFirst?: boolean } = {},
) {
  const browser = opts.browser ?? new Browser();
  const verifier = b64url(randomBytes(32));
  const state = b64url(randomBytes(16));
  const nonce = b64url(randomBytes(16));
  const auth = new URL(`${issuer}/auth`);
  auth.search = new URLSearchParams({
    client_id: oidcClient.id,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid email profile groups offline_access',
    state,
    nonce,
    code_challenge: b64url(createHash('sha256').update(verifier).digest()),
    code_challenge_method: 'S256',
  }).toString();

  let res = await browser.request(auth.href);
  expect(res.status).toBe(303);
  const loginUrl = new URL(res.headers.get('location') ?? '', issuer).href;
  expect(loginUrl).toMatch(/\/interaction\/[\w-]+$/);
  res = await browser.request(loginUrl);
  expect(res.status).toBe(200);
  let html = await res.text();
  expect(html).toContain('<label for="email">Email</label>');
  expect(html).toContain('<label for="password">Password</label>');
  expect(html).toContain('autocomplete="current-password"');
  expect(html).toContain('<button type="submit">Sign in</button>');
  for (const u of demoUsers) expect(html).toContain(u.email);
  for (const u of loadUsers) expect(html).not.toContain(u.email);
  const action = new URL(formAction(html), issuer).href;

  if (opts.wrongPasswordFirst) {
    res = await browser.postForm(action, { email, password: 'not-the-password' });
    expect(res.status).toBe(200);
    html = await res.text();
    expect(html).toContain('Invalid email or password');
    expect(html).toContain('role="alert"');
    // An unknown email gets the very same message.
    res = await browser.postForm(action, { email: 'mallory@evil.example', password });
    expect(await res.text()).toContain('Invalid email or password');
  }

  res = await browser.postForm(action, { email, password });
  expect(res.status).toBe(303);
  const { url } = await browser.follow(res, issuer);
  const callback = new URL(url);
  expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
  expect(callback.searchParams.get('state')).toBe(state);
  expect(callback.searchParams.get('iss')).toBe(issuer);
  const code = callback.searchParams.get('code');
  expect(code).toBeTruthy();

  const tokenRes = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { authorization: basicAuth, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: code ?? '',
      redirect_uri: redirectUri,
      code_verifier: verifier,
    }).toString(),
  });
  expect(tokenRes.status).toBe(200);
  const tokens = (await tokenRes.json()) as Tokens;
  const claims = await verifyIdToken(issuer, tokens.id_token);
  expect(claims.nonce).toBe(nonce);
  return { tokens, claims, browser };
}

async function freePort() {
  return new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

describe('development OIDC issuer', () => {
  let issuer: Issuer;
  let url: string;

  beforeAll(async () => {
    issuer = await startIssuer({ port: await freePort(), appOrigins: [appOrigin] });
    url = issuer.issuer;
  });
  afterAll(async () => {
    await issuer.close();
  });

  it('answers health checks', async () => {
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
  });

  it('publishes a discovery document', async () => {
    const d = await discovery(url);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(d.issuer).toBe(url);
    expect(d.authorization_endpoint).toBe(`${url}/auth`);
    expect(d.token_endpoint).toBe(`${url}/token`);
    expect(d.jwks_uri).toBe(`${url}/jwks`);
    expect(d.end_session_endpoint).toBe(`${url}/session/end`);
    expect(d.scopes_supported).toEqual(
      expect.arrayContaining(['openid', 'groups', 'offline_access']),
    );
    expect(d.claims_supported).toEqual(expect.arrayContaining(['groups', 'email', 'name']));
    expect(d.code_challenge_methods_supported).toEqual(['S256']);
  });

  it('signs alice in with code + PKCE and puts her groups in the ID token', async () => {
    const { tokens, claims } = await signIn(url, 'alice@acme.example', 'alice-demo', {
      wrongPasswordFirst: true,
    });
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.expires_in).toBe(3600);
    expect(tokens.refresh_token).toBeTruthy();
    expect(claims).toMatchObject({
      iss: url,
      aud: oidcClient.id,
      sub: 'alice@acme.example',
      email: 'alice@acme.example',
      email_verified: true,
      name: 'Alice Admin',
      groups: ['tenant-acme-admins'],
    });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
  });

  it('signs the operator in', async () => {
    const { claims } = await signIn(url, 'OSCAR@ops.example', 'oscar-demo');
    expect(claims).toMatchObject({
      sub: 'oscar@ops.example',
      name: 'Oscar Operator',
      groups: ['stratus-operators'],
    });
  });

  it('signs a load-benchmark reader in (the page lists none of them)', async () => {
    const reader = loadUsers[15];
    if (!reader) throw new Error('sixteen load readers expected');
    const { claims } = await signIn(url, reader.email, reader.password);
    expect(claims).toMatchObject({ sub: 'load-16@acme.example', groups: ['tenant-acme-viewers'] });
  });

  it('refreshes tokens without prompt=consent', async () => {
    const { tokens } = await signIn(url, 'carol@acme.example', 'carol-demo');
    const res = await fetch(`${url}/token`, {
      method: 'POST',
      headers: { authorization: basicAuth, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token ?? '',
      }).toString(),
    });
    expect(res.status).toBe(200);
    const refreshed = (await res.json()) as Tokens;
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    const claims = await verifyIdToken(url, refreshed.id_token);
    expect(claims).toMatchObject({ sub: 'carol@acme.example', groups: ['tenant-acme-viewers'] });
  });

  it('signs out through the end_session_endpoint back to the app', async () => {
    const { tokens, browser } = await signIn(url, 'bob@globex.example', 'bob-demo');
    const end = new URL(`${url}/session/end`);
    end.search = new URLSearchParams({
      id_token_hint: tokens.id_token,
      post_logout_redirect_uri: appOrigin,
    }).toString();
    let res = await browser.request(end.href);
    expect(res.status).toBe(200);
    const html = await res.text();
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
    expect(xsrf).toBeTruthy();
    res = await browser.postForm(new URL(formAction(html), url).href, {
      xsrf: xsrf ?? '',
      logout: 'yes',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${appOrigin}/`);
    // The session is gone: authorizing again asks for a login.
    const again = await browser.request(
      `${url}/auth?${new URLSearchParams({
        client_id: oidcClient.id,
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: 'openid',
        code_challenge: b64url(randomBytes(32)),
        code_challenge_method: 'S256',
      }).toString()}`,
    );
    const next = await browser.request(new URL(again.headers.get('location') ?? '', url).href);
    expect(await next.text()).toContain('Sign in</button>');
  });

  it('rejects an unknown client', async () => {
    const res = await fetch(
      `${url}/auth?${new URLSearchParams({
        client_id: 'not-a-client',
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: 'openid',
      }).toString()}`,
      { redirect: 'manual' },
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('invalid_client');

    const token = await fetch(`${url}/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${oidcClient.id}:wrong`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=authorization_code&code=x&redirect_uri=' + encodeURIComponent(redirectUri),
    });
    expect(token.status).toBe(401);
    expect(((await token.json()) as { error: string }).error).toBe('invalid_client');
  });

  it('requires PKCE', async () => {
    const res = await fetch(
      `${url}/auth?${new URLSearchParams({
        client_id: oidcClient.id,
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: 'openid',
      }).toString()}`,
      { redirect: 'manual' },
    );
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('invalid_request');
  });

  it('rejects a redirect_uri that is not the app', async () => {
    const res = await fetch(
      `${url}/auth?${new URLSearchParams({
        client_id: oidcClient.id,
        redirect_uri: 'http://127.0.0.1:4444/api/auth/callback/stratus',
        response_type: 'code',
        scope: 'openid',
      }).toString()}`,
      { redirect: 'manual' },
    );
    expect(res.status).toBe(400);
  });

  it('refuses a port that is in use', async () => {
    const port = Number(new URL(url).port);
    await expect(startIssuer({ port, appOrigins: [appOrigin] })).rejects.toThrow(
      `port ${port} is in use`,
    );
  });
});

describe('issuer state and lifetimes', () => {
  it('honours a short token TTL', async () => {
    const issuer = await startIssuer({ port: 0, appOrigins: [appOrigin], tokenTtl: 5 });
    try {
      const { tokens, claims } = await signIn(issuer.issuer, 'alice@acme.example', 'alice-demo');
      expect(tokens.expires_in).toBe(5);
      expect(Number(claims.exp) - Number(claims.iat)).toBe(5);
    } finally {
      await issuer.close();
    }
  });

  it('keeps keys and sessions across restarts with a state dir', async () => {
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratus-oidc-'));
    try {
      const port = await freePort();
      let issuer = await startIssuer({ port, appOrigins: [appOrigin], stateDir });
      const { tokens, browser } = await signIn(issuer.issuer, 'alice@acme.example', 'alice-demo');
      const kid = (
        (await (await fetch(`${issuer.issuer}/jwks`)).json()) as { keys: { kid: string }[] }
      ).keys[0]?.kid;
      await issuer.close();
      expect(fs.existsSync(path.join(stateDir, 'jwks.json'))).toBe(true);
      // Let fetch's pool notice the closed keep-alive sockets before reusing the port.
      await new Promise((resolve) => setTimeout(resolve, 100));

      issuer = await startIssuer({ port, appOrigins: [appOrigin], stateDir });
      try {
        const jwks = (await (await fetch(`${issuer.issuer}/jwks`)).json()) as {
          keys: { kid: string }[];
        };
        expect(jwks.keys[0]?.kid).toBe(kid);
        // The refresh token and the browser session both survive.
        const res = await fetch(`${issuer.issuer}/token`, {
          method: 'POST',
          headers: {
            authorization: basicAuth,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: new URLSearchParams({
            grant_type: 'refresh_token',
            refresh_token: tokens.refresh_token ?? '',
          }).toString(),
        });
        expect(res.status).toBe(200);
        const auth = await browser.request(
          `${issuer.issuer}/auth?${new URLSearchParams({
            client_id: oidcClient.id,
            redirect_uri: redirectUri,
            response_type: 'code',
            scope: 'openid email profile groups',
            code_challenge: b64url(randomBytes(32)),
            code_challenge_method: 'S256',
          }).toString()}`,
        );
        const { url } = await browser.follow(auth, issuer.issuer);
        expect(new URL(url).searchParams.get('code')).toBeTruthy();
      } finally {
        await issuer.close();
      }
    } finally {
      fs.rmSync(stateDir, { recursive: true, force: true });
    }
  });
});

describe('CLI', () => {
  const main = path.join(import.meta.dirname, 'main.ts');
  const tsx = path.resolve(import.meta.dirname, '../../../node_modules/.bin/tsx');

  function run(args: string[]) {
    const child = spawn(tsx, [main, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    return { child, exited, output: () => out };
  }

  it('starts, reports ready, and stops cleanly on SIGTERM; a busy port is an error', async () => {
    const port = await freePort();
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratus-oidc-cli-'));
    const args = ['--port', String(port), '--app-origin', appOrigin, '--state-dir', stateDir];
    const first = run(args);
    try {
      await expect
        .poll(first.output, { timeout: 15_000, interval: 100 })
        .toContain(`oidc issuer ready at http://127.0.0.1:${port}`);

      const second = run(args);
      expect(await second.exited).not.toBe(0);
      expect(second.output()).toContain(`port ${port} is in use`);

      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
    } finally {
      first.child.kill('SIGKILL');
      fs.rmSync(stateDir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('over https (what kube-apiserver requires)', () => {
  let dir: string;
  let issuer: Issuer;
  let ca: string;

  /** GET over https trusting the test CA (fetch can't be given one). */
  const getTls = (url: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      https
        .get(url, { ca }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        })
        .on('error', reject);
    });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratus-oidc-tls-'));
    const [cert, key] = [path.join(dir, 'tls.crt'), path.join(dir, 'tls.key')];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
    ca = fs.readFileSync(cert, 'utf8');
    issuer = await startIssuer({
      port: 0,
      appOrigins: [appOrigin],
      tls: { cert: ca, key: fs.readFileSync(key, 'utf8') },
    });
  });
  afterAll(async () => {
    await issuer?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is an https issuer whose browser pages are plain http on the same port', async () => {
    expect(issuer.issuer).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const res = await getTls(`${issuer.issuer}/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    const doc = JSON.parse(res.body) as Record<string, string>;
    const plain = issuer.issuer.replace('https:', 'http:');
    expect(doc).toMatchObject({
      issuer: issuer.issuer,
      jwks_uri: `${issuer.issuer}/jwks`,
      token_endpoint: `${issuer.issuer}/token`,
      authorization_endpoint: `${plain}/auth`,
      end_session_endpoint: `${plain}/session/end`,
    });
    expect((await getTls(doc.jwks_uri ?? '')).status).toBe(200);
    // The same port answers plain http: health checks, and the sign-in a browser is sent to.
    expect((await fetch(`${plain}/healthz`)).status).toBe(200);
    const auth = new URL(doc.authorization_endpoint ?? '');
    auth.search = new URLSearchParams({
      client_id: oidcClient.id,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid email',
      code_challenge: b64url(createHash('sha256').update('v'.repeat(43)).digest()),
      code_challenge_method: 'S256',
    }).toString();
    const res2 = await fetch(auth, { redirect: 'manual' });
    expect(res2.status).toBe(303);
    expect(res2.headers.get('location')).toMatch(/^\/interaction\//);
  });
});
