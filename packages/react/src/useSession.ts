import type { SessionResource } from '@orbital/core/browser';
import { useOrbitalState } from './useOrbital';

/** The active session, once the client has loaded. */
export function useSession(): {
  isLoaded: boolean;
  isSignedIn: boolean | undefined;
  session: SessionResource | null | undefined;
} {
  const state = useOrbitalState('useSession');
  if (!state.isLoaded) return { isLoaded: false, isSignedIn: undefined, session: undefined };
  return { isLoaded: true, isSignedIn: state.session !== null, session: state.session };
}
