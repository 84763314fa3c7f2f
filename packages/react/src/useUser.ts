import type { UserResource } from '@orbital/core/browser';
import { useOrbitalState } from './useOrbital';

export type UseUserReturn =
  | { isLoaded: false; isSignedIn: undefined; user: undefined }
  | { isLoaded: true; isSignedIn: false; user: null }
  | { isLoaded: true; isSignedIn: true; user: UserResource };

/** The active session's user, once the client has loaded. */
export function useUser(): UseUserReturn {
  const state = useOrbitalState('useUser');
  if (!state.isLoaded) return { isLoaded: false, isSignedIn: undefined, user: undefined };
  return state.user
    ? { isLoaded: true, isSignedIn: true, user: state.user }
    : { isLoaded: true, isSignedIn: false, user: null };
}
