import { createContext, useContext } from 'react';
import { OrbitalError } from '@orbital/core/browser';
import type { Orbital } from '@orbital/core/browser';

/** What the server knew when it rendered: enough for the first render to match it (no flash). */
export interface InitialAuthState {
  userId: string | null;
  sessionId: string | null;
  orgId?: string | null;
  orgSlug?: string | null;
  orgRole?: string | null;
}

export interface OrbitalContextValue {
  orbital: Orbital;
  initialState: InitialAuthState | undefined;
}

export const OrbitalContext = createContext<OrbitalContextValue | null>(null);

export function useOrbitalContext(hook: string): OrbitalContextValue {
  const value = useContext(OrbitalContext);
  if (!value) throw new OrbitalError('configuration_invalid', `${hook}() must be used inside <OrbitalProvider>: wrap your app (or root layout) in it.`);
  return value;
}
