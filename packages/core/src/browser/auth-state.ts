import type { OrbitalState } from './resources';

/** Why the server rendered a page signed out when something went wrong (its log says the same). */
export interface ServerDiagnostic {
  reason: string;
  message: string;
}

/** What the server knew when it rendered: enough for the first render to match it (no flash). */
export interface InitialAuthState {
  userId: string | null;
  sessionId: string | null;
  orgId?: string | null;
  orgSlug?: string | null;
  orgRole?: string | null;
  /** Set when the server's verdict was signed out because of a failure the developer should see. */
  diagnostic?: ServerDiagnostic | null;
}

export type AuthSnapshot =
  | {
      isLoaded: false;
      isSignedIn: undefined;
      userId: undefined;
      sessionId: undefined;
      orgId: undefined;
      orgSlug: undefined;
      orgRole: undefined;
    }
  | {
      isLoaded: true;
      isSignedIn: boolean;
      userId: string | null;
      sessionId: string | null;
      orgId: string | null;
      orgSlug: string | null;
      orgRole: string | null;
    };

const notLoaded: AuthSnapshot = {
  isLoaded: false,
  isSignedIn: undefined,
  userId: undefined,
  sessionId: undefined,
  orgId: undefined,
  orgSlug: undefined,
  orgRole: undefined,
};

/**
 * Who is signed in, for `useAuth()` in every framework: the loaded client's view, or before it
 * loads (and during SSR) the server's initial state, or "not loaded" without either.
 */
export function authSnapshot(state: OrbitalState, initial: InitialAuthState | undefined): AuthSnapshot {
  if (state.isLoaded) {
    const { user, session, organization } = state;
    return {
      isLoaded: true,
      isSignedIn: user !== null,
      userId: user?.id ?? null,
      sessionId: session?.id ?? null,
      orgId: organization?.id ?? null,
      orgSlug: organization?.slug ?? null,
      orgRole: organization?.role ?? null,
    };
  }
  if (!initial) return notLoaded;
  return {
    isLoaded: true,
    isSignedIn: initial.userId !== null,
    userId: initial.userId,
    sessionId: initial.sessionId,
    orgId: initial.orgId ?? null,
    orgSlug: initial.orgSlug ?? null,
    orgRole: initial.orgRole ?? null,
  };
}

/** Whether the active organization role is `role` (false outside an organization). */
export function hasRole(snapshot: AuthSnapshot, check: { role: string }): boolean {
  return snapshot.orgRole === check.role;
}

/**
 * What of a server-side auth the browser gets for its first render: ids only, never the token or
 * claims, and why the page is signed out when that was a failure.
 */
export function initialAuthState(auth: InitialAuthState, diagnostic?: ServerDiagnostic | null): InitialAuthState {
  const { userId, sessionId, orgId = null, orgSlug = null, orgRole = null } = auth;
  return { userId, sessionId, orgId, orgSlug, orgRole, ...(diagnostic && { diagnostic }) };
}
