import { headers } from 'next/headers.js';
import { connection } from 'next/server.js';
import { OrbitalError, signInRedirectUrl } from '@orbital/core';
import { signedOutAuth, type Auth } from '@orbital/core/server';
import type { ServerDiagnostic } from '@orbital/core/browser';
import { AUTH_HEADERS } from './headers';
import { currentPipeline } from './pipeline';

export type NextAuth = Auth & {
  /**
   * Unless signed in, ends the request: pages redirect to sign-in (and back), everything else
   * gets Next's 401 (`unauthorized()`, which needs `experimental.authInterrupts`). Returns the
   * signed-in auth.
   */
  protect(): Extract<Auth, { isSignedIn: true }>;
  /** Redirects to sign-in, coming back to this page afterwards. */
  redirectToSignIn(options?: { returnBackUrl?: string }): never;
};

/**
 * The request's auth in server components, route handlers and server actions, as decided by
 * `orbitalMiddleware` for this request (the token is checked again by core, from cache).
 *
 * @example const { userId } = await auth(); // null when signed out
 */
export async function auth(): Promise<NextAuth> {
  const incoming = await headers();
  const status = incoming.get(AUTH_HEADERS.status);
  const url = incoming.get(AUTH_HEADERS.url);
  if (!status || !url) {
    throw new OrbitalError(
      'middleware_missing',
      'auth() was called on a route orbitalMiddleware() did not run for: export it from proxy.ts (or middleware.ts) and make its matcher cover this route.',
    );
  }
  // Checking a token reads the clock: with Cache Components, only request-time work may do that
  // (headers alone still allow a runtime prerender, which must not depend on the time).
  await connection();
  // Next aliases next/navigation per layer (route handlers get their own), which only the bare
  // specifier receives; loaded here so that plain Node can still import this module.
  const { redirect, unauthorized } = await import('next/navigation');
  const pipeline = currentPipeline();
  const state: Auth =
    status === 'signed-in' ? await pipeline.authFromToken(incoming.get(AUTH_HEADERS.token), url) : signedOutAuth;
  const redirectToSignIn = (params: { returnBackUrl?: string } = {}): never =>
    redirect(signInRedirectUrl(pipeline.options, params.returnBackUrl ?? url));
  return {
    ...state,
    protect() {
      if (state.isSignedIn) return state;
      const signInUrl = incoming.get(AUTH_HEADERS.signInUrl);
      return signInUrl ? redirect(signInUrl) : unauthorized();
    },
    redirectToSignIn,
  } as NextAuth;
}

/** Why the middleware answered this request signed out, when that was a failure (for the browser, in development). */
export async function serverDiagnostic(): Promise<ServerDiagnostic | null> {
  const value = (await headers()).get(AUTH_HEADERS.diagnostic);
  if (!value) return null;
  try {
    return JSON.parse(decodeURIComponent(value)) as ServerDiagnostic;
  } catch {
    return null;
  }
}
