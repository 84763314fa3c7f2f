import { redirect } from '@tanstack/react-router';
import { OrbitalError } from '@orbital/core';
import { routeGuard } from '@orbital/core';
import { authSnapshot, initialAuthState, type InitialAuthState } from '@orbital/core/browser';
import { browserClient } from './browser-client';
import { requestContext } from './request-context';

/** Who is signed in, as `beforeLoad` adds it to the route context: ids only, like the SSR state. */
export type RouteAuth = Required<InitialAuthState> & { userId: string; sessionId: string };

/**
 * A `beforeLoad` guard: lets signed-in users through (adding `auth` to the route context) and
 * sends everyone else to sign in, coming back to this URL afterwards. Decides on the server from
 * `orbitalMiddleware`'s verdict, in the browser from the browser client.
 *
 * @example export const Route = createFileRoute('/dashboard')({ beforeLoad: requireSignIn, component: Dashboard });
 */
export async function requireSignIn({ location }: { location: { href: string } }): Promise<{ auth: RouteAuth }> {
  if (typeof window === 'undefined') {
    const server = requestContext();
    const signIn = routeGuard(server, location.href, 'add orbitalMiddleware() to requestMiddleware in src/start.ts');
    if (signIn) throw redirect({ href: signIn });
    return { auth: initialAuthState(server!.auth) as RouteAuth };
  }
  const orbital = browserClient();
  if (!orbital)
    throw new OrbitalError('configuration_invalid', 'requireSignIn needs <OrbitalProvider> in the root route.');
  await orbital.load();
  const snapshot = authSnapshot(orbital.getSnapshot(), undefined);
  if (snapshot.isSignedIn) return { auth: initialAuthState(snapshot) as RouteAuth };
  const returnTo = new URL(location.href, window.location.href).href;
  throw redirect({
    href: orbital.buildUrlWithAuth(orbital.buildSignInUrl({ redirectUrl: returnTo })),
    reloadDocument: true,
  });
}
