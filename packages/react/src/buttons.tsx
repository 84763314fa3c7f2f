import type { ReactNode } from 'react';
import { useHydrated } from './useHydrated';
import { useOrbital } from './useOrbital';

/**
 * A button to sign in, coming back to this page. On a satellite it syncs with the primary
 * (straight back if already signed in there); use it rather than a hard-coded link.
 */
export function SignInButton({ children = 'Sign in', className }: { children?: ReactNode; className?: string }) {
  const orbital = useOrbital();
  const hydrated = useHydrated();
  return (
    <button type="button" className={className} disabled={!hydrated} onClick={() => void orbital.redirectToSignIn()}>
      {children}
    </button>
  );
}

export function SignUpButton({ children = 'Sign up', className }: { children?: ReactNode; className?: string }) {
  const orbital = useOrbital();
  const hydrated = useHydrated();
  return (
    <button type="button" className={className} disabled={!hydrated} onClick={() => void orbital.redirectToSignUp()}>
      {children}
    </button>
  );
}
