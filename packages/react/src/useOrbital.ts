import { useSyncExternalStore } from 'react';
import type { Orbital, OrbitalState } from '@orbital/core/browser';
import { useOrbitalContext } from './context';

/** The browser client itself, for anything the hooks do not cover. */
export function useOrbital(): Orbital {
  return useOrbitalContext('useOrbital').orbital;
}

/** The client's state, re-rendering on change; before load (and during SSR) the not-loaded state. */
export function useOrbitalState(
  hook: string,
): OrbitalState & { initial: ReturnType<typeof useOrbitalContext>['initialState'] } {
  const { orbital, initialState } = useOrbitalContext(hook);
  const state = useSyncExternalStore(orbital.subscribe, orbital.getSnapshot, orbital.getSnapshot);
  return { ...state, initial: initialState };
}
