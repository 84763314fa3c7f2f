import { useCallback } from 'react';
import { useAction } from './useAction';
import { useOrbital } from './useOrbital';

/** A custom sign-in flow: `signIn({ identifier, password })`, with `isLoading` and a typed `error`. */
export function useSignIn() {
  const orbital = useOrbital();
  const { run, isLoading, error } = useAction(
    useCallback((credentials: { identifier: string; password: string }) => orbital.signIn(credentials), [orbital]),
  );
  return { signIn: run, isLoading, error, isLoaded: true as const };
}
