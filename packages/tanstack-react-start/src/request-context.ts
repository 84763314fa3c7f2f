import { getGlobalStartContext } from '@tanstack/react-start';
import type { InitialAuthState } from '@orbital/react';
import type { ServerDiagnostic } from '@orbital/core/browser';
import type { Auth, OrbitalOptions, PublicOrbitalOptions } from '@orbital/core/server';

/** What `orbitalMiddleware` adds to Start's request context under {@link CONTEXT_KEY}. */
export interface OrbitalRequestContext {
  auth: Auth;
  /** The URL the browser asked for (behind proxies, too). */
  url: string;
  options: OrbitalOptions;
  /** Why the request is signed out, when that was a failure the developer should see. */
  diagnostic: ServerDiagnostic | null;
}

/** What the server hands the browser with the HTML: the public configuration and the first render's state. */
export interface SsrState {
  options: PublicOrbitalOptions;
  initialState: InitialAuthState;
}

export const CONTEXT_KEY = 'orbital';

/**
 * The middleware's verdict for the request being handled, or undefined in the browser and on
 * requests the middleware did not see.
 */
export function requestContext(): OrbitalRequestContext | undefined {
  if (typeof window !== 'undefined') return undefined;
  try {
    return (getGlobalStartContext() as Record<string, unknown> | undefined)?.[CONTEXT_KEY] as
      OrbitalRequestContext | undefined;
  } catch {
    // Outside a request, or before global middleware ran.
    return undefined;
  }
}
