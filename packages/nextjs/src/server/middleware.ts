import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { signInRedirectUrl, type OrbitalOptions } from '@orbital/core';
import { authenticateRequest, isDocumentRequest, publicUrl, toAuthenticateOptions, withPublicUrl, type Auth, type AuthenticateRequestOptions, type RequestState } from '@orbital/core/server';
import { AUTH_HEADERS } from './headers';
import { nextOptions } from './options';

export interface MiddlewareAuth {
  (): Auth;
  /** Ends the request unless signed in: a redirect to sign-in for pages, 401 for everything else. */
  protect(): void;
}

type Handler = (auth: MiddlewareAuth, request: NextRequest, event: NextFetchEvent) => Response | void | Promise<Response | void>;

/** Thrown by `auth.protect()` inside the handler; turned into the redirect or 401 below. */
class ProtectSignal {
  constructor(readonly response: Response) {}
}

/**
 * Authenticates every request matched by your `proxy.ts` (or `middleware.ts`), performs
 * handshakes, and hands the result to `auth()`. The optional handler decides per route.
 *
 * @example
 * const isProtected = createRouteMatcher(['/dashboard(.*)']);
 * export default orbitalMiddleware(async (auth, req) => { if (isProtected(req)) auth.protect(); });
 */
export function orbitalMiddleware(handler?: Handler, overrides: Partial<OrbitalOptions> = {}) {
  let resolved: { options: OrbitalOptions; authenticate: AuthenticateRequestOptions } | undefined;
  const resolve = () => {
    if (resolved) return resolved;
    const options = nextOptions(overrides);
    resolved = { options, authenticate: toAuthenticateOptions(options) };
    return resolved;
  };

  return async function middleware(request: NextRequest, event: NextFetchEvent): Promise<Response> {
    const { options, authenticate } = resolve();
    const url = publicUrl(request).href;
    const state = await authenticateRequest(withPublicUrl(request), authenticate);
    if (state.status === 'handshake') return new Response(null, { status: 307, headers: state.headers });
    if (state.message) console.warn(`[orbital] ${state.message}`);

    const auth = Object.assign(() => state.auth, {
      protect() {
        if (state.auth.isSignedIn) return;
        const to = signInRedirectUrl(options, url);
        throw new ProtectSignal(
          isDocumentRequest(request)
            ? NextResponse.redirect(to, 307)
            : NextResponse.json({ error: { code: 'unauthorized', message: 'Sign in to use this endpoint.' } }, { status: 401 }),
        );
      },
    });

    let response: Response | void;
    try {
      response = await handler?.(auth, request, event);
    } catch (error) {
      if (!(error instanceof ProtectSignal)) throw error;
      response = error.response;
    }
    response ??= NextResponse.next();
    forwardToRequest(response, request, state, url);
    for (const cookie of state.headers.getSetCookie()) response.headers.append('set-cookie', cookie);
    return response;
  };
}

/**
 * Passes the verdict on as request headers of the request Next goes on to render, the way
 * `NextResponse.next({ request: { headers } })` does — also for a `next()` the handler made.
 */
function forwardToRequest(response: Response, request: NextRequest, state: RequestState, url: string): void {
  if (!response.headers.has('x-middleware-next') && !response.headers.has('x-middleware-rewrite')) return;
  const values: Record<string, string> = {
    [AUTH_HEADERS.status]: state.status,
    [AUTH_HEADERS.url]: url,
    ...(state.status === 'signed-in' && { [AUTH_HEADERS.token]: state.token }),
    ...(state.reason && { [AUTH_HEADERS.reason]: state.reason }),
  };
  const override = new Set((response.headers.get('x-middleware-override-headers') ?? [...request.headers.keys()].join(',')).split(',').filter(Boolean));
  for (const name of Object.values(AUTH_HEADERS)) {
    override.add(name);
    if (values[name]) response.headers.set(`x-middleware-request-${name}`, values[name]!);
    else response.headers.delete(`x-middleware-request-${name}`);
  }
  // Headers the handler did not override keep their incoming values; ours are always replaced.
  for (const name of override) {
    if (Object.values(AUTH_HEADERS).includes(name as never) || response.headers.has(`x-middleware-request-${name}`)) continue;
    const value = request.headers.get(name);
    if (value !== null) response.headers.set(`x-middleware-request-${name}`, value);
  }
  response.headers.set('x-middleware-override-headers', [...override].join(','));
}
