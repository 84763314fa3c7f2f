import type { Auth } from './authenticate-request';
import { OrbitalError } from './errors';
import type { OrbitalOptions } from './options';
import { signInRedirectUrl } from './satellite-sync';

/** The verdict a route guard reads on the server: what the adapter's middleware put in the request context. */
export interface ServerVerdict {
  auth: Auth;
  /** The page's public URL. */
  url: string;
  options: Pick<OrbitalOptions, 'publishableKey' | 'signInUrl' | 'isSatellite'>;
}

/**
 * A route guard on the server (`beforeLoad`, Nuxt route middleware): null lets the page render,
 * a string is where to send the user to sign in and come back to `returnTo`. Fails closed: no
 * verdict (the middleware did not run) throws `middleware_missing`, naming `fix`, rather than
 * letting anyone through.
 */
export function routeGuard(verdict: ServerVerdict | null | undefined, returnTo: string, fix: string): string | null {
  if (!verdict)
    throw new OrbitalError(
      'middleware_missing',
      `A sign-in guard ran on the server without Orbital's request middleware, so nobody is let through: ${fix}.`,
    );
  return verdict.auth.isSignedIn ? null : signInRedirectUrl(verdict.options, new URL(returnTo, verdict.url).href);
}
