import { createError, type H3Event } from 'h3';
import { OrbitalError } from '@orbital/core';
import type { Auth, SignedInAuth } from '@orbital/core/server';
import './context';

/**
 * The request's auth in server routes and server middleware (`event.context.auth`), as decided by
 * Orbital's server middleware. Auto-imported in `server/`.
 *
 * @example export default defineEventHandler((event) => ({ userId: getAuth(event).userId }));
 */
export function getAuth(event: H3Event): Auth {
  const auth = event.context.auth;
  if (!auth) {
    throw new OrbitalError(
      'middleware_missing',
      `getAuth() found no auth for ${event.path}: add '@orbital/nuxt' to modules in nuxt.config (its server middleware skips the auth server's own path and build assets).`,
    );
  }
  return auth;
}

/** The signed-in auth, or the end of the request with 401 and `{ error: { code: 'unauthorized' } }` for API callers. */
export function requireAuth(event: H3Event): SignedInAuth {
  const auth = getAuth(event);
  if (!auth.isSignedIn) {
    throw createError({
      statusCode: 401,
      statusMessage: 'Unauthorized',
      message: 'Sign in to use this endpoint.',
      data: { error: { code: 'unauthorized', message: 'Sign in to use this endpoint.' } },
    });
  }
  return auth;
}
