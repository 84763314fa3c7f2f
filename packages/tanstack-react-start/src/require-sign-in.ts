import { redirect } from '@tanstack/react-router';
import { OrbitalError, parsePublishableKey, signInRedirectUrl } from '@orbital/core';
import { browserClient } from './browser-client';
import { requestContext } from './request-context';

export interface RouteAuth {
  userId: string;
  sessionId: string;
  orgId: string | null;
  orgRole: string | null;
  orgSlug: string | null;
}

/**
 * A `beforeLoad` guard: lets signed-in users through (adding `auth` to the route context) and
 * sends everyone else to sign in, coming back to this URL afterwards. Decides on the server from
 * `orbitalMiddleware`'s verdict, in the browser from the browser client.
 *
 * @example export const Route = createFileRoute('/dashboard')({ beforeLoad: requireSignIn, component: Dashboard });
 */
export async function requireSignIn({ location }: { location: { href: string } }): Promise<{ auth: RouteAuth }> {
  const server = requestContext();
  if (server) {
    const { auth, options } = server;
    if (auth.isSignedIn) return { auth: { userId: auth.userId, sessionId: auth.sessionId, orgId: auth.orgId, orgRole: auth.orgRole, orgSlug: auth.orgSlug } };
    const returnTo = new URL(location.href, server.url).href;
    throw redirect({ href: signInRedirectUrl({ authServerUrl: parsePublishableKey(options.publishableKey).authServerUrl, signInUrl: options.signInUrl, isSatellite: options.isSatellite }, returnTo) });
  }
  if (typeof window === 'undefined') {
    throw new OrbitalError('middleware_missing', 'requireSignIn ran on the server without orbitalMiddleware: add orbitalMiddleware() to requestMiddleware in src/start.ts.');
  }
  const orbital = browserClient();
  if (!orbital) throw new OrbitalError('configuration_invalid', 'requireSignIn needs <OrbitalProvider> in the root route.');
  await orbital.load();
  const { session, organization } = orbital.getSnapshot();
  if (session) {
    return { auth: { userId: session.user.id, sessionId: session.id, orgId: organization?.id ?? null, orgRole: organization?.role ?? null, orgSlug: organization?.slug ?? null } };
  }
  const returnTo = new URL(location.href, window.location.href).href;
  throw redirect({ href: orbital.redirectWithAuth(orbital.buildSignInUrl({ redirectUrl: returnTo })), reloadDocument: true });
}
