import { useCallback } from 'react';
import { useOrbital, useOrbitalState } from './useOrbital';

export interface UseAuthReturn {
  isLoaded: boolean;
  isSignedIn: boolean | undefined;
  userId: string | null | undefined;
  sessionId: string | null | undefined;
  /** The active organization (`org_id`), its slug and the user's role there. */
  orgId: string | null | undefined;
  orgSlug: string | null | undefined;
  orgRole: string | null | undefined;
  has: (check: { role: string }) => boolean;
  getToken: (options?: { skipCache?: boolean }) => Promise<string | null>;
  signOut: (options?: { sessionId?: string; redirectUrl?: string }) => Promise<void>;
}

/**
 * Who is signed in. With a server-rendered initial state it is loaded from the first render;
 * otherwise `isLoaded` turns true once the client has loaded.
 */
export function useAuth(): UseAuthReturn {
  const orbital = useOrbital();
  const state = useOrbitalState('useAuth');
  const getToken = useCallback((options?: { skipCache?: boolean }) => orbital.getToken(options), [orbital]);
  const signOut = useCallback((options?: { sessionId?: string; redirectUrl?: string }) => orbital.signOut(options), [orbital]);
  const source = state.isLoaded
    ? { userId: state.user?.id ?? null, sessionId: state.session?.id ?? null, orgId: state.organization?.id ?? null, orgSlug: state.organization?.slug ?? null, orgRole: state.organization?.role ?? null }
    : state.initial;
  if (!source) return { isLoaded: false, isSignedIn: undefined, userId: undefined, sessionId: undefined, orgId: undefined, orgSlug: undefined, orgRole: undefined, has: () => false, getToken, signOut };
  const orgRole = source.orgRole ?? null;
  return {
    isLoaded: true,
    isSignedIn: source.userId !== null,
    userId: source.userId,
    sessionId: source.sessionId,
    orgId: source.orgId ?? null,
    orgSlug: source.orgSlug ?? null,
    orgRole,
    has: (check) => orgRole !== null && orgRole === check.role,
    getToken,
    signOut,
  };
}
