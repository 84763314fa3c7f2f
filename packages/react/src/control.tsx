import { useEffect, type ReactNode } from 'react';
import { useAuth } from './useAuth';
import { useOrbital, useOrbitalState } from './useOrbital';

/** Renders its children only for a signed-in user. */
export function SignedIn({ children }: { children?: ReactNode }) {
  const { isLoaded, isSignedIn } = useAuth();
  return isLoaded && isSignedIn ? <>{children}</> : null;
}

/** Renders its children only when nobody is signed in. */
export function SignedOut({ children }: { children?: ReactNode }) {
  const { isLoaded, isSignedIn } = useAuth();
  return isLoaded && !isSignedIn ? <>{children}</> : null;
}

/**
 * Renders its children for a signed-in user who passes `condition` (e.g. a claim check on the
 * user's public metadata), else `fallback`.
 */
export function Protect({
  children,
  fallback = null,
  condition,
}: {
  children?: ReactNode;
  fallback?: ReactNode;
  condition?: (user: NonNullable<ReturnType<typeof useOrbitalState>['user']>) => boolean;
}) {
  const { isLoaded, isSignedIn } = useAuth();
  const { user } = useOrbitalState('Protect');
  if (!isLoaded) return null;
  if (!isSignedIn) return <>{fallback}</>;
  if (condition && (!user || !condition(user))) return <>{fallback}</>;
  return <>{children}</>;
}

function useRedirect(go: () => Promise<unknown>) {
  useEffect(() => {
    void go();
    // Once on mount: a redirect component is rendered where the user should not stay.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

/** Sends the user to sign in, coming back here afterwards. */
export function RedirectToSignIn({ redirectUrl }: { redirectUrl?: string }) {
  const orbital = useOrbital();
  useRedirect(() => orbital.redirectToSignIn(redirectUrl ? { redirectUrl } : {}));
  return null;
}

export function RedirectToSignUp({ redirectUrl }: { redirectUrl?: string }) {
  const orbital = useOrbital();
  useRedirect(() => orbital.redirectToSignUp(redirectUrl ? { redirectUrl } : {}));
  return null;
}

export function RedirectToUserProfile() {
  const orbital = useOrbital();
  useRedirect(() => orbital.redirectToUserProfile());
  return null;
}

/** Re-mounts its children when the active session changes, so no state leaks between accounts. */
export function MultisessionAppSupport({ children }: { children?: ReactNode }) {
  const { sessionId } = useAuth();
  return (
    <div key={sessionId ?? 'signed-out'} style={{ display: 'contents' }}>
      {children}
    </div>
  );
}
