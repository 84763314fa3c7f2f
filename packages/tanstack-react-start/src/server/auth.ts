import { OrbitalError } from '@orbital/core';
import { unauthorizedResponse, type Auth, type SignedInAuth } from '@orbital/core/server';
import { requestContext, type OrbitalRequestContext } from '../request-context';

const MISSING = 'add orbitalMiddleware() to requestMiddleware in src/start.ts (and call it only on the server)';

/** The auth in a request context `orbitalMiddleware` made; `middleware_missing` without one. */
export function authOf(context: OrbitalRequestContext | undefined): Auth {
  if (!context)
    throw new OrbitalError(
      'middleware_missing',
      `getAuth() was called on a request orbitalMiddleware() did not see: ${MISSING}.`,
    );
  return context.auth;
}

/** The signed-in auth in a request context, or core's 401 thrown as a Response. */
export function signedInAuthOf(context: OrbitalRequestContext | undefined): SignedInAuth {
  const auth = authOf(context);
  if (!auth.isSignedIn) throw unauthorizedResponse();
  return auth;
}

/**
 * The request's auth in server functions, server routes and loaders (on the server), as decided
 * by `orbitalMiddleware`.
 *
 * @example const getSecret = createServerFn().handler(() => ({ userId: getAuth().userId }));
 */
export function getAuth(): Auth {
  return authOf(requestContext());
}

/**
 * The signed-in auth, or the end of the request with 401 and a JSON error — for server functions
 * and API routes, whose callers are programs rather than people (pages use `requireSignIn`).
 */
export function requireAuth(): SignedInAuth {
  return signedInAuthOf(requestContext());
}
