import { NextResponse, type NextRequest } from 'next/server';

import { contentSecurityPolicy } from './lib/security/csp';

// Passes the requested path to server layouts, so a signed-out visitor returns to the same page after
// signing in, and gives every page a fresh CSP nonce. Authorisation happens in every page, action and
// route, never here.
export function proxy(req: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV !== 'production' });
  const headers = new Headers(req.headers);
  headers.set('x-stratus-path', req.nextUrl.pathname + req.nextUrl.search);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('Content-Security-Policy', csp);
  return res;
}

export const config = { matcher: ['/((?!api|_next|favicon.ico).*)'] };
