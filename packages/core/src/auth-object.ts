import type { SessionClaims } from './verify-token';

/** The auth object of a signed-in request: who, which session, which organization and role. */
export interface SignedInAuth {
  isSignedIn: true;
  userId: string;
  sessionId: string;
  /** The organization the session acts for (`org_id`), or null. */
  orgId: string | null;
  orgRole: string | null;
  orgSlug: string | null;
  /** Whether the user has this role in the active organization. */
  has(check: { role: string }): boolean;
  claims: SessionClaims;
  /** The verified session token, e.g. to call your own APIs. */
  getToken(): Promise<string>;
}

/** The auth object of a signed-out request: every field empty, `has` always false. */
export interface SignedOutAuth {
  isSignedIn: false;
  userId: null;
  sessionId: null;
  orgId: null;
  orgRole: null;
  orgSlug: null;
  has(check: { role: string }): false;
  claims: null;
  getToken(): Promise<null>;
}

export type Auth = SignedInAuth | SignedOutAuth;

export const signedOutAuth: SignedOutAuth = Object.freeze({
  isSignedIn: false,
  userId: null,
  sessionId: null,
  orgId: null,
  orgRole: null,
  orgSlug: null,
  has: () => false as const,
  claims: null,
  getToken: async () => null,
});

/** The auth object for verified claims: who, which session, which organization and role. */
export function signedInAuth(claims: SessionClaims, token: string): SignedInAuth {
  const orgRole = typeof claims.org_role === 'string' ? claims.org_role : null;
  return {
    isSignedIn: true,
    userId: claims.sub,
    sessionId: claims.sid,
    orgId: typeof claims.org_id === 'string' ? claims.org_id : null,
    orgRole,
    orgSlug: typeof claims.org_slug === 'string' ? claims.org_slug : null,
    has: (check) => orgRole !== null && orgRole === check.role,
    claims,
    getToken: async () => token,
  };
}
