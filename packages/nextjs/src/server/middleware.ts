import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server.js';
import type { OrbitalOptions } from '@orbital/core';
import { diagnosticOf, signedOutAuth, type Auth, type RequestState } from '@orbital/core/server';
import { AUTH_HEADERS } from './headers';
import { middlewarePipeline } from './pipeline';

export interface MiddlewareAuth {
  (): Auth;
  /** Ends the request unless signed in: a redirect to sign-in for pages, 401 for everything else. */
  protect(): void;
}

type Handler = (
  auth: MiddlewareAuth,
  request: NextRequest,
  event: NextFetchEvent,
) => Response | void | Promise<Response | void>;

/** Thrown by `auth.protect()` inside the handler; turned into core's redirect or 401 below. */
class ProtectSignal {
  constructor(readonly response: Response) {}
}

/**
 * Authenticates every request matched by your `proxy.ts` (or `middleware.ts`), performs
 * handshakes, and hands the result to `auth()`. The optional handler decides per route; requests
 * for the auth server itself pass through untouched, whatever the matcher.
 *
 * @example
 * const isProtected = createRouteMatcher(['/dashboard(.*)']);
 * export default orbitalMiddleware(async (auth, req) => { if (isProtected(req)) auth.protect(); });
 * // or, with options and no handler: export default orbitalMiddleware({ signInUrl: '/sign-in' });
 */
export function orbitalMiddleware(
  handler?: Handler,
  options?: Partial<OrbitalOptions>,
): (request: NextRequest, event: NextFetchEvent) => Promise<Response>;
export function orbitalMiddleware(
  options?: Partial<OrbitalOptions>,
): (request: NextRequest, event: NextFetchEvent) => Promise<Response>;
export function orbitalMiddleware(first?: Handler | Partial<OrbitalOptions>, second: Partial<OrbitalOptions> = {}) {
  const handler = typeof first === 'function' ? first : undefined;
  const pipeline = middlewarePipeline(typeof first === 'function' ? second : (first ?? {}));

  return async function middleware(request: NextRequest, event: NextFetchEvent): Promise<Response> {
    const result = await pipeline.handle(request);
    if (result.action === 'pass-through') return NextResponse.next();
    if (result.action === 'respond') return result.response;
    const { state } = result;
    const denied = pipeline.protect(request, state);
    const auth = Object.assign(() => state.auth, {
      protect() {
        if (denied) throw new ProtectSignal(denied.response);
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
    // Where auth().protect() sends this request when it is not (or no longer) signed in.
    const unprotected = pipeline.protect(request, { auth: signedOutAuth, url: state.url });
    forwardToRequest(response, request, state, unprotected?.kind === 'redirect' ? unprotected.location : undefined);
    for (const cookie of state.headers.getSetCookie()) response.headers.append('set-cookie', cookie);
    return response;
  };
}

/**
 * Passes the verdict on as request headers of the request Next goes on to render, the way
 * `NextResponse.next({ request: { headers } })` does — also for a `next()` the handler made.
 */
function forwardToRequest(
  response: Response,
  request: NextRequest,
  state: RequestState,
  signInUrl: string | undefined,
): void {
  if (!response.headers.has('x-middleware-next') && !response.headers.has('x-middleware-rewrite')) return;
  const diagnostic = diagnosticOf(state);
  const values: Record<string, string | undefined> = {
    [AUTH_HEADERS.status]: state.status,
    [AUTH_HEADERS.url]: state.url,
    [AUTH_HEADERS.token]: state.status === 'signed-in' ? state.token : undefined,
    [AUTH_HEADERS.reason]: state.reason ?? undefined,
    [AUTH_HEADERS.signInUrl]: signInUrl,
    [AUTH_HEADERS.diagnostic]: diagnostic ? encodeURIComponent(JSON.stringify(diagnostic)) : undefined,
  };
  const ours = Object.values(AUTH_HEADERS) as string[];
  const override = new Set(
    (response.headers.get('x-middleware-override-headers') ?? [...request.headers.keys()].join(','))
      .split(',')
      .filter(Boolean),
  );
  for (const name of ours) {
    override.add(name);
    const value = values[name];
    if (value) response.headers.set(`x-middleware-request-${name}`, value);
    else response.headers.delete(`x-middleware-request-${name}`);
  }
  // Headers the handler did not override keep their incoming values; ours are always replaced.
  for (const name of override) {
    if (ours.includes(name) || response.headers.has(`x-middleware-request-${name}`)) continue;
    const value = request.headers.get(name);
    if (value !== null) response.headers.set(`x-middleware-request-${name}`, value);
  }
  response.headers.set('x-middleware-override-headers', [...override].join(','));
}
