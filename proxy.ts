import { NextResponse, type NextRequest } from 'next/server';

import { refreshSessionCookies } from './lib/auth/session-refresh';
import { contentSecurityPolicy } from './lib/security/csp';

// Runs before every page, server action and route handler (not next-auth's own routes):
// - passes the requested path to server layouts, so a signed-out visitor returns to the same page
//   after signing in;
// - gives every page a fresh CSP nonce (Next puts it on its own scripts);
// - refreshes the person's ID token when it is due, here because a response can always write the
//   session cookie here (server components can't). The request goes on with the new cookie.
// Authorisation happens in every page, action and route, never here.
export async function proxy(req: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV !== 'production' });
  const headers = new Headers(req.headers);
  headers.set('x-stratus-path', req.nextUrl.pathname + req.nextUrl.search);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', csp);
  const cookies = await refreshSessionCookies(req);
  if (cookies) {
    const replaced = new Map(cookies.map((c) => [c.name, c.value]));
    const kept = req.cookies.getAll().filter((c) => !replaced.has(c.name));
    const sent = [...kept, ...cookies.filter((c) => c.maxAge > 0)];
    headers.set('cookie', sent.map((c) => `${c.name}=${c.value}`).join('; '));
  }
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('Content-Security-Policy', csp);
  const secure = process.env.NEXTAUTH_URL?.startsWith('https://') ?? false;
  for (const c of cookies ?? [])
    res.cookies.set(c.name, c.value, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure,
      maxAge: c.maxAge,
    });
  return res;
}

export const config = { matcher: ['/((?!api/auth|_next|favicon.ico).*)'] };
