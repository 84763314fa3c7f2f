import { orbitalOptions } from '@orbital/nuxt/server';
import { createAppAuthRoute, createPgliteStore, serverOptionsFromEnv } from '@orbital/server';

/**
 * What answers at /api/auth: on the primary, the auth server itself on the embedded database; on
 * a satellite (NUXT_PUBLIC_ORBITAL_IS_SATELLITE=true), a proxy to the primary's. Everything is read
 * at run time, so one build serves both roles.
 */
export function authRoute() {
  const config = useRuntimeConfig();
  const options = orbitalOptions(config.public.orbital, config.orbital);
  return createAppAuthRoute(options, {
    // Redirect origins, lifetimes, token TTL and rate limits: the same env vars as the CLI.
    ...serverOptionsFromEnv(process.env),
    store: () => createPgliteStore(process.env.ORBITAL_DATA_DIR ?? '.orbital/data'),
    appName: 'Orbital demo',
    // The demo's app on a subdomain of the primary reaches the primary's auth server too.
    proxy: options.isSatellite || process.env.ORBITAL_DEMO_REMOTE_AUTH_SERVER === 'true',
  });
}
