import type { H3Event } from 'h3';
import type { OrbitalOptions } from '@orbital/core';
import type { ServerVerdict } from '@orbital/core';
import type { ServerDiagnostic } from '@orbital/core/browser';
import type { Auth } from '@orbital/core/server';

declare module 'h3' {
  interface H3EventContext {
    /** The request's auth, set by Orbital's server middleware. */
    auth?: Auth;
    orbital?: { url: string; options: OrbitalOptions; diagnostic: ServerDiagnostic | null };
  }
}

export function setOrbitalContext(
  event: H3Event,
  value: { auth: Auth; url: string; options: OrbitalOptions; diagnostic: ServerDiagnostic | null },
): void {
  event.context.auth = value.auth;
  event.context.orbital = { url: value.url, options: value.options, diagnostic: value.diagnostic };
}

/** The server middleware's verdict for this request, or undefined where it did not run. */
export function serverVerdict(event: H3Event | undefined): ServerVerdict | undefined {
  const { auth, orbital } = event?.context ?? {};
  return auth && orbital ? { auth, url: orbital.url, options: orbital.options } : undefined;
}
