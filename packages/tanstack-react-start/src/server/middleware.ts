import { createMiddleware } from '@tanstack/react-start';
import { appendResponseHeader } from '@tanstack/react-start/server';
import type { OrbitalOptions } from '@orbital/core';
import { authenticateRequest, isAuthServerRequest, publicUrl, signedOutAuth, toAuthenticateOptions, withPublicUrl, type AuthenticateRequestOptions } from '@orbital/core/server';
import { CONTEXT_KEY, type OrbitalRequestContext } from '../request-context';
import { startOptions } from './options';

/**
 * Global request middleware: authenticates every request with core's `authenticateRequest`,
 * answers handshakes with their redirect, and hands the verdict to `getAuth()`, `requireSignIn`
 * and `<OrbitalProvider>` through Start's request context. Requests for the auth server (its own
 * path, or the satellite proxy) pass through untouched.
 *
 * @example
 * // src/start.ts
 * export const startInstance = createStart(() => ({ requestMiddleware: [orbitalMiddleware()] }));
 */
export function orbitalMiddleware(overrides: Partial<OrbitalOptions> = {}) {
  let resolved: { options: OrbitalOptions; authenticate: AuthenticateRequestOptions } | undefined;
  // Read at the first request, not at import: env vars are set by then, and a build needs none.
  const resolve = () => {
    if (!resolved) {
      const options = startOptions(overrides);
      resolved = { options, authenticate: toAuthenticateOptions(options) };
    }
    return resolved;
  };

  return createMiddleware().server(async ({ request, next }) => {
    const { options, authenticate } = resolve();
    const url = publicUrl(request);
    if (isAuthServerRequest(url, options)) {
      return next({ context: { [CONTEXT_KEY]: { auth: signedOutAuth, url: url.href, options } satisfies OrbitalRequestContext } });
    }
    const state = await authenticateRequest(withPublicUrl(request), authenticate);
    if (state.status === 'handshake') throw new Response(null, { status: 307, headers: state.headers });
    if (state.message) console.warn(`[orbital] ${state.message}`);
    for (const cookie of state.headers.getSetCookie()) appendResponseHeader('set-cookie', cookie);
    return next({ context: { [CONTEXT_KEY]: { auth: state.auth, url: url.href, options } satisfies OrbitalRequestContext } });
  });
}
