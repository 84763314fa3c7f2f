import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { OrbitalError, parsePublishableKey, signInRedirectUrl } from '@orbital/core';
import { keySetFor, signedInAuth, signedOutAuth, verifySessionToken, type Auth } from '@orbital/core/server';
import { AUTH_HEADERS } from './headers';
import { nextOptions } from './options';

export type NextAuth = Auth & {
  /** Redirects to sign-in (and back) unless signed in; returns the signed-in auth. */
  protect(): Extract<Auth, { isSignedIn: true }>;
  /** Redirects to sign-in, coming back to this page afterwards. */
  redirectToSignIn(options?: { returnBackUrl?: string }): never;
};

/**
 * The request's auth in server components, route handlers and server actions, as decided by
 * `orbitalMiddleware` for this request (the token is verified again, from cache).
 *
 * @example const { userId } = await auth(); // null when signed out
 */
export async function auth(): Promise<NextAuth> {
  const incoming = await headers();
  const status = incoming.get(AUTH_HEADERS.status);
  if (!status) {
    throw new OrbitalError('middleware_missing', 'auth() was called on a route orbitalMiddleware() did not run for: export it from proxy.ts (or middleware.ts) and make its matcher cover this route.');
  }
  const options = nextOptions();
  const { authServerUrl } = parsePublishableKey(options.publishableKey);
  const token = incoming.get(AUTH_HEADERS.token);
  let state: Auth = signedOutAuth;
  if (status === 'signed-in' && token) {
    const claims = await verifySessionToken(token, {
      keys: keySetFor({ jwtKey: options.jwtKey, jwksUrl: `${options.authServerInternalUrl ?? authServerUrl}/.well-known/jwks.json` }),
      issuer: authServerUrl,
      clockSkew: options.clockSkew,
    });
    state = signedInAuth(claims, token);
  }
  const redirectToSignIn = (params: { returnBackUrl?: string } = {}): never => {
    const back = params.returnBackUrl ?? incoming.get(AUTH_HEADERS.url) ?? authServerUrl;
    redirect(signInRedirectUrl(options, back));
  };
  return {
    ...state,
    protect() {
      if (!state.isSignedIn) redirectToSignIn();
      return state as Extract<Auth, { isSignedIn: true }>;
    },
    redirectToSignIn,
  } as NextAuth;
}
