import { createMiddleware } from '@tanstack/react-start';
import type { OrbitalOptions } from '@orbital/core';
import { createLazyRequestPipeline, diagnosticOf } from '@orbital/core/server';
import { CONTEXT_KEY, type OrbitalRequestContext } from '../request-context';
import { startOptions } from './options';

/**
 * Global request middleware: core's request pipeline translated to Start. Handshakes are answered
 * with core's response, cookies are added to the response, and the verdict goes to `getAuth()`,
 * `requireSignIn` and `<OrbitalProvider>` through Start's request context. Requests for the auth
 * server (its own path, or the satellite proxy) pass through untouched.
 *
 * @example
 * // src/start.ts
 * export const startInstance = createStart(() => ({ requestMiddleware: [orbitalMiddleware()] }));
 */
export function orbitalMiddleware(overrides: Partial<OrbitalOptions> = {}) {
  // Configured at the first request, not at import: env vars are set by then, and a build needs none.
  const pipeline = createLazyRequestPipeline(() => startOptions(overrides));
  return createMiddleware().server(async ({ request, next }) => {
    const result = await pipeline.handle(request);
    if (result.action === 'pass-through') return next();
    if (result.action === 'respond') return result.response;
    const { state } = result;
    const context: OrbitalRequestContext = {
      auth: state.auth,
      url: state.url,
      options: pipeline.options,
      diagnostic: diagnosticOf(state),
    };
    const handled = await next({ context: { [CONTEXT_KEY]: context } });
    const cookies = state.headers.getSetCookie();
    if (cookies.length === 0) return handled;
    const headers = new Headers(handled.response.headers);
    for (const cookie of cookies) headers.append('set-cookie', cookie);
    return {
      ...handled,
      response: new Response(handled.response.body, {
        status: handled.response.status,
        statusText: handled.response.statusText,
        headers,
      }),
    };
  });
}
