import type { H3Event } from 'h3';
import type { OrbitalOptions } from '@orbital/core';
import type { Auth } from '@orbital/core/server';

declare module 'h3' {
  interface H3EventContext {
    /** The request's auth, set by Orbital's server middleware. */
    auth?: Auth;
    orbital?: { url: string; options: OrbitalOptions };
  }
}

export function setOrbitalContext(event: H3Event, value: { auth: Auth; url: string; options: OrbitalOptions }): void {
  event.context.auth = value.auth;
  event.context.orbital = { url: value.url, options: value.options };
}

