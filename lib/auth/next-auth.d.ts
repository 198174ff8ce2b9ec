import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface Session {
    sub: string;
    groups: string[];
    /** When this sign-in ends (ms since epoch): maxAge after signing in, never extended. */
    expiresAt: number;
    /** This sign-in's id: what sign-out revokes. */
    sid: string;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    groups?: string[];
    /** Seconds since epoch, set once at sign-in. */
    signedInAt?: number;
    sid?: string;
    /** The person's OIDC ID token: their credential at kube-apiserver (token passthrough). */
    idToken?: string;
    /** Its expiry and when the app received it (ms since epoch). */
    idTokenExpiresAt?: number;
    idTokenIssuedAt?: number;
    refreshToken?: string;
    /** The issuer refused to refresh: the session is over. */
    refreshFailed?: boolean;
  }
}
