import { orbitalOptions } from '@orbital/nuxt/server';
import { createAppAuthRoute } from '@orbital/server';

/**
 * What answers at /api/auth: on the primary, the auth server itself on the embedded database (ORBITAL_DATA_DIR) and configured by the CLI's env vars; on
 * a satellite (NUXT_PUBLIC_ORBITAL_IS_SATELLITE=true), a proxy to the primary's. Everything is read
 * at run time, so one build serves both roles.
 */
export function authRoute() {
  const config = useRuntimeConfig();
  const options = orbitalOptions(config.public.orbital, config.orbital);
  return createAppAuthRoute(options, {
    appName: 'Orbital demo',
    // The demo's app on a subdomain of the primary reaches the primary's auth server too.
    proxy: options.isSatellite || process.env.ORBITAL_DEMO_REMOTE_AUTH_SERVER === 'true',
  });
}
