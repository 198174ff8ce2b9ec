import { NextResponse, type NextRequest } from 'next/server';

// Only passes the requested path to server layouts, so a signed-out visitor returns to the same page
// after signing in. Authorisation happens in every page, action and route, never here.
export function proxy(req: NextRequest) {
  const headers = new Headers(req.headers);
  headers.set('x-stratus-path', req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ['/((?!api|_next|favicon.ico).*)'] };
