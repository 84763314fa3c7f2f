import { useCallback } from 'react';
import { authSnapshot, hasRole, type AuthSnapshot } from '@orbital/core/browser';
import { useOrbital, useOrbitalState } from './useOrbital';

export type UseAuthReturn = AuthSnapshot & {
  has: (check: { role: string }) => boolean;
  getToken: (options?: { skipCache?: boolean }) => Promise<string | null>;
  signOut: (options?: { sessionId?: string; redirectUrl?: string }) => Promise<void>;
};

/**
 * Who is signed in. With a server-rendered initial state it is loaded from the first render;
 * otherwise `isLoaded` turns true once the client has loaded.
 */
export function useAuth(): UseAuthReturn {
  const orbital = useOrbital();
  const state = useOrbitalState('useAuth');
  const getToken = useCallback((options?: { skipCache?: boolean }) => orbital.getToken(options), [orbital]);
  const signOut = useCallback(
    (options?: { sessionId?: string; redirectUrl?: string }) => orbital.signOut(options),
    [orbital],
  );
  const snapshot = authSnapshot(state, state.initial);
  return { ...snapshot, has: (check) => hasRole(snapshot, check), getToken, signOut };
}
