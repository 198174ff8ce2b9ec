import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface Session {
    sub: string;
    groups: string[];
    /** Unix seconds when the IdP tokens expire (refreshed while the refresh token lasts). */
    expiresAt: number;
    error?: 'SessionExpired';
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    groups?: string[];
    expiresAt?: number;
    refreshToken?: string;
    idToken?: string;
    error?: 'SessionExpired';
  }
}
