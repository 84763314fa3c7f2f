import { useCallback } from 'react';
import type { SignUpFields } from '@orbital/core/browser';
import { useAction } from './useAction';
import { useOrbital } from './useOrbital';

/**
 * A custom sign-up flow: `signUp({ email, password, firstName?, lastName? })` — its result says
 * whether a code was sent — then `verifySignUp(verification.id, code)`, with `isLoading` and a
 * typed `error`.
 */
export function useSignUp() {
  const orbital = useOrbital();
  const signUp = useAction(useCallback((fields: SignUpFields) => orbital.signUp(fields), [orbital]));
  const verify = useAction(useCallback((id: string, code: string) => orbital.verifySignUp(id, code), [orbital]));
  return {
    signUp: signUp.run,
    verifySignUp: verify.run,
    resendCode: orbital.resendCode,
    isLoading: signUp.isLoading || verify.isLoading,
    error: verify.error ?? signUp.error,
    isLoaded: true as const,
  };
}
