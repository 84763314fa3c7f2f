import { sessionSnapshot, type SessionSnapshot } from '@orbital/core/browser';
import { useOrbitalState } from './useOrbital';

/** The active session once the client has loaded; before that, whether the server saw one. */
export function useSession(): SessionSnapshot {
  const state = useOrbitalState('useSession');
  return sessionSnapshot(state, state.initial);
}
