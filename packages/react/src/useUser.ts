import { userSnapshot, type UserSnapshot } from '@orbital/core/browser';
import { useOrbitalState } from './useOrbital';

export type UseUserReturn = UserSnapshot;

/** The active session's user once the client has loaded; before that, whether the server saw one. */
export function useUser(): UseUserReturn {
  const state = useOrbitalState('useUser');
  return userSnapshot(state, state.initial);
}
