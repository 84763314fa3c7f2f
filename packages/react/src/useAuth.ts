import { useCallback } from 'react';
import { useOrbital, useOrbitalState } from './useOrbital';

export interface UseAuthReturn {
  isLoaded: boolean;
  isSignedIn: boolean | undefined;
  userId: string | null | undefined;
  sessionId: string | null | undefined;
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
  const source = state.isLoaded ? { userId: state.user?.id ?? null, sessionId: state.session?.id ?? null } : state.initial;
  if (!source) return { isLoaded: false, isSignedIn: undefined, userId: undefined, sessionId: undefined, getToken, signOut };
  return { isLoaded: true, isSignedIn: source.userId !== null, userId: source.userId, sessionId: source.sessionId, getToken, signOut };
}
