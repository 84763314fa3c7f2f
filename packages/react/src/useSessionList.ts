import { useCallback } from 'react';
import { sessionListSnapshot, type SessionResource } from '@orbital/core/browser';
import { useOrbital, useOrbitalState } from './useOrbital';

/** Every session signed in on this browser (multi-session), and how to switch between them. */
export function useSessionList(): {
  isLoaded: boolean;
  sessions: SessionResource[] | undefined;
  setActive: (params: { session: string; redirectUrl?: string }) => Promise<void>;
} {
  const orbital = useOrbital();
  const state = useOrbitalState('useSessionList');
  const setActive = useCallback(
    (params: { session: string; redirectUrl?: string }) => orbital.setActive(params),
    [orbital],
  );
  return { ...sessionListSnapshot(state), setActive };
}
