import { parsePublishableKey, type OrbitalOptions } from '@orbital/core';
import { createAuthServerProxy, type FetchHandler } from '@orbital/core/server';
import type { OrbitalServerOptions } from './options';
import { createOrbitalServer } from './server';
import type { Store } from './store/types';

export interface AppAuthRouteOptions extends Omit<OrbitalServerOptions, 'url' | 'store'> {
  /** Opens the auth server's database: called only where the server runs, never on a satellite. */
  store: () => Store | Promise<Store>;
  /** Forward to the auth server the publishable key names instead of running one (default: on a satellite). */
  proxy?: boolean | undefined;
}

/**
 * What answers at an app's auth route (`/api/auth`), from the app's own Orbital options. On the
 * primary, the auth server itself: at the URL the publishable key names, redeeming satellite sync
 * codes with the app's secret key, and sending people to the app's sign-in and sign-up pages. On a
 * satellite, a proxy to the primary's, so that the browser reaches it first-party.
 *
 * @example export const { GET, POST, PATCH, DELETE, OPTIONS } = createRouteHandlers(() => createAppAuthRoute(nextOptions(), { store: () => createPgliteStore('.orbital/data') }));
 */
export async function createAppAuthRoute(app: OrbitalOptions, { store, proxy = app.isSatellite, ...server }: AppAuthRouteOptions): Promise<FetchHandler> {
  const { authServerUrl } = parsePublishableKey(app.publishableKey);
  if (proxy) {
    const proxyPath = new URL(app.proxyUrl ?? authServerUrl, authServerUrl).pathname;
    return { handler: createAuthServerProxy({ proxyPath, target: app.authServerInternalUrl ?? authServerUrl }) };
  }
  const page = (url: string | undefined) => url && new URL(url, authServerUrl).href;
  return createOrbitalServer({
    ...server,
    ...(app.secretKey && { secretKey: app.secretKey }),
    ...(app.signInUrl && { signInUrl: page(app.signInUrl) }),
    ...(app.signUpUrl && { signUpUrl: page(app.signUpUrl) }),
    url: authServerUrl,
    store: await store(),
  });
}
