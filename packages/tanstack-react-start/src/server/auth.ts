import { OrbitalError } from '@orbital/core';
import type { Auth, SignedInAuth } from '@orbital/core/server';
import { requestContext } from '../request-context';

/**
 * The request's auth in server functions, server routes and loaders (on the server), as decided
 * by `orbitalMiddleware`.
 *
 * @example const getSecret = createServerFn().handler(() => ({ userId: getAuth().userId }));
 */
export function getAuth(): Auth {
  const context = requestContext();
  if (!context) {
    throw new OrbitalError('middleware_missing', 'getAuth() was called on a request orbitalMiddleware() did not see: add it to requestMiddleware in src/start.ts (and call getAuth() only on the server).');
  }
  return context.auth;
}

/**
 * The signed-in auth, or the end of the request with 401 and a JSON error — for server functions
 * and API routes, whose callers are programs rather than people (pages use `requireSignIn`).
 */
export function requireAuth(): SignedInAuth {
  const auth = getAuth();
  if (!auth.isSignedIn) {
    throw Response.json({ error: { code: 'unauthorized', message: 'Sign in to use this endpoint.' } }, { status: 401 });
  }
  return auth;
}
