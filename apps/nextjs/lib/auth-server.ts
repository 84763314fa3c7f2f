import { parsePublishableKey } from '@orbital/core';
import { createAuthServerProxy } from '@orbital/core/server';
import { nextOptions } from '@orbital/nextjs/server';
import { createOrbitalServer, createPgliteStore, serverOptionsFromEnv } from '@orbital/server';

/**
 * What answers at /api/auth. On the primary, the auth server itself, on the embedded database; on
 * a satellite (NEXT_PUBLIC_ORBITAL_IS_SATELLITE=true), a proxy to it, so the satellite's browser
 * reaches it first-party. Everything is read at run time, so one build serves both roles.
 */
export async function authRoute(): Promise<{ handler: (request: Request) => Promise<Response> }> {
  const options = nextOptions();
  const { authServerUrl } = parsePublishableKey(options.publishableKey);
  // A satellite (or, in the demo, an app on a subdomain of the primary) reaches the primary's auth server.
  if (options.isSatellite || process.env.ORBITAL_DEMO_REMOTE_AUTH_SERVER === 'true') {
    return { handler: createAuthServerProxy({ proxyPath: '/api/auth', target: options.authServerInternalUrl ?? authServerUrl }) };
  }
  return createOrbitalServer({
    // Secret key, redirect origins, lifetimes, token TTL and rate limits: the same env vars as the CLI.
    ...serverOptionsFromEnv(process.env),
    // The same secret key the app's server redeems satellite sync codes with, however the framework names it.
    ...(options.secretKey && { secretKey: options.secretKey }),
    url: authServerUrl,
    store: await createPgliteStore(process.env.ORBITAL_DATA_DIR ?? '.orbital/data'),
    appName: 'Orbital demo',
    // Satellite sync sends signed-out users to this app's own sign-in page.
    signInUrl: new URL(options.signInUrl ?? '/sign-in', authServerUrl).href,
    signUpUrl: new URL(options.signUpUrl ?? '/sign-up', authServerUrl).href,
  });
}
