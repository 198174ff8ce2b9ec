import { oidcDiscovery } from '@/lib/auth/options';
import { serverEnv } from '@/lib/env';

/** After next-auth clears its cookie, end the IdP session as well, then come back to the sign-in page. */
export async function GET(): Promise<Response> {
  const origin = process.env.NEXTAUTH_URL ?? '/';
  try {
    const { end_session_endpoint } = await oidcDiscovery();
    if (!end_session_endpoint) return Response.redirect(new URL('/signin', origin));
    const url = new URL(end_session_endpoint);
    url.searchParams.set('client_id', serverEnv().STRATUS_OIDC_CLIENT_ID);
    url.searchParams.set('post_logout_redirect_uri', origin);
    return Response.redirect(url);
  } catch {
    return Response.redirect(new URL('/signin', origin));
  }
}
