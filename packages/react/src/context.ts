import { createContext, useContext } from 'react';
import { OrbitalError } from '@orbital/core/browser';
import type { InitialAuthState, Orbital } from '@orbital/core/browser';

export type { InitialAuthState };

export interface OrbitalContextValue {
  orbital: Orbital;
  initialState: InitialAuthState | undefined;
}

export const OrbitalContext = createContext<OrbitalContextValue | null>(null);

export function useOrbitalContext(hook: string): OrbitalContextValue {
  const value = useContext(OrbitalContext);
  if (!value)
    throw new OrbitalError(
      'configuration_invalid',
      `${hook}() must be used inside <OrbitalProvider>: wrap your app (or root layout) in it.`,
    );
  return value;
}
