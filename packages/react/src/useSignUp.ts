import { useCallback } from 'react';
import type { SignUpFields } from '@orbital/core/browser';
import { useAction } from './useAction';
import { useOrbital } from './useOrbital';

/** A custom sign-up flow: `signUp({ email, password, firstName?, lastName? })`, with `isLoading` and a typed `error`. */
export function useSignUp() {
  const orbital = useOrbital();
  const { run, isLoading, error } = useAction(useCallback((fields: SignUpFields) => orbital.signUp(fields), [orbital]));
  return { signUp: run, isLoading, error, isLoaded: true as const };
}
