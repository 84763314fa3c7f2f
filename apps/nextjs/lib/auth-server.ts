import { parsePublishableKey } from '@orbital/core';
import { nextOptions } from '@orbital/nextjs/server';
import { createOrbitalServer, createPgliteStore } from '@orbital/server';

const seconds = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);

/**
 * This app is its own auth server: mounted at /api/auth (the URL in the publishable key), stored
 * in the embedded database. Lifetimes come from env so the browser suite can shorten them.
 */
export async function createAuthServer() {
  // Read at run time (not inlined at build time), so one build serves any port.
  const { authServerUrl } = parsePublishableKey(nextOptions().publishableKey);
  const perMinute = seconds('ORBITAL_RATE_LIMIT_PER_MINUTE');
  return createOrbitalServer({
    url: authServerUrl,
    store: await createPgliteStore(process.env.ORBITAL_DATA_DIR ?? '.orbital/data'),
    appName: 'Orbital demo',
    ...(seconds('ORBITAL_TOKEN_TTL') && { tokenTtl: seconds('ORBITAL_TOKEN_TTL') }),
    lifetime: { inactivityTimeout: seconds('ORBITAL_INACTIVITY_TIMEOUT'), maximumLifetime: seconds('ORBITAL_MAXIMUM_LIFETIME') },
    ...(perMinute && { rateLimits: { signInPerIp: { limit: perMinute, window: 60 }, signInPerIdentifier: { limit: perMinute, window: 60 }, signUpPerIp: { limit: perMinute, window: 60 } } }),
  });
}
